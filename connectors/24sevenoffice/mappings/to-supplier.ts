import { defineMappingTable, expr as e } from '../../../src/connectors/sdk/index.js';

const post = (field: string) => e.path(`Addresses.Post.${field}`, { label: `Company ⇒ Addresses ⇒ Post ⇒ ${field}` });

/** The seed's supplier table: a company becomes a supplier, with its postal address. */
export const toSupplier = defineMappingTable({
  target: 'supplier',
  label: 'Company',
  rows: [
    { wms: 'supplierNumber', from: e.toText(e.path('Id', { label: 'Company ⇒ Id' })) },
    { wms: 'supplierName', from: e.path('Name', { label: 'Company ⇒ Name' }) },
    { wms: 'address', from: post('Street') },
    { wms: 'postCode', from: post('PostalCode') },
    { wms: 'city', from: post('City') },
    { wms: 'countryCode', from: e.countryToIso(post('Country')) },
  ],
});

export const companyProperties = ['Id', 'Name', 'Type', 'Addresses', 'DateChanged'];
