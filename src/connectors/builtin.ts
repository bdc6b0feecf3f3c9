import { mycashflow } from '../../connectors/mycashflow/connector.js';
import { mystore } from '../../connectors/mystore/connector.js';
import { procountor } from '../../connectors/procountor/connector.js';
import { specter } from '../../connectors/specter/connector.js';
import { twentyFourSevenOffice } from '../../connectors/24sevenoffice/connector.js';
import { createRegistry } from './registry.js';

/** The connectors that ship with wmsync. A new system is one folder in connectors/ and one line here. */
export const builtinRegistry = () => createRegistry([mycashflow, procountor, twentyFourSevenOffice, specter, mystore]);
