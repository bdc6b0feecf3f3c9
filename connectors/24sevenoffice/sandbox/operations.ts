import type { Context } from 'hono';
import { authenticateOperations } from '../../../src/connectors/sdk/index.js';
import type { SoapOperation } from '../../../src/connectors/sdk/index.js';
import type { Faults } from '../../../src/connectors/sandbox/index.js';
import { orderStates } from '../api.js';
import type { OrderState } from '../api.js';
import { membersOf, operations, services } from '../services.js';
import type { Sessions } from './sessions.js';
import { child, dateTime, decimal, int, items, soapFault, text } from './soap-io.js';
import type { XmlNode } from './soap-io.js';
import type { OrderChange, RowChange, TwentyFourSevenStore } from './store.js';

/** What a handler may reach: the data, the sessions, the faults, and the session's cookie. */
export interface OperationContext {
  store: TwentyFourSevenStore;
  sessions: Sessions;
  faults: Faults;
  badLogin: 'fault' | 'empty';
  cookieSession(c: Context): string | undefined;
}

type Handler = (body: XmlNode, ctx: OperationContext, c: Context) => unknown;

export interface ServiceRoute {
  path: string;
  /** Login and HasSession need no session; every other service does. */
  needsSession: boolean;
  operations: Record<string, SoapOperation>;
  handlers: Record<string, Handler>;
}

const ints = (node: unknown, where: string) => items(node, 'int').map((n) => int(n, where)!).filter((n) => n !== undefined);
const strings = (node: unknown) => items(node, 'string').map((n) => text(n) ?? '').filter(Boolean);

/** Only the members asked for in returnProperties, as the services do [V B3]. */
function project<T extends object>(record: T, properties: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key, value]) => properties.includes(key) && value !== undefined));
}

/** The first `malformed` records of an answer served corrupted: a member with a value its type cannot hold. */
function corrupt<T extends Record<string, unknown>>(faults: Faults, kind: string, records: T[], member: string, bad: string): T[] {
  return records.map((record, i) => (faults.corrupts(kind, records.length, i + 1) ? { ...record, [member]: bad } : record));
}

const productMembers = membersOf(services.products.schema, 'Product');

const productHandlers: Record<string, Handler> = {
  GetProducts(body, { store, faults }) {
    const search = child(body, 'searchParams');
    const properties = strings(child(body, 'returnProperties'));
    if (properties.length === 0) throw soapFault('soap:Server', 'Server was unable to process request. ---> returnProperties is required');
    const found = store.findProducts({
      Id: int(child(search, 'Id'), 'Id'), CategoryId: int(child(search, 'CategoryId'), 'CategoryId'), No: text(child(search, 'No')), EAN1: text(child(search, 'EAN1')),
      Name: text(child(search, 'Name')), DateChanged: dateTime(child(search, 'DateChanged'), 'DateChanged'), ProductIds: ints(child(search, 'ProductIds'), 'ProductIds'),
    });
    const projected = found.map((p) => project(p, properties.filter((name) => productMembers.includes(name))));
    return properties.includes('Weight') ? corrupt(faults, 'products', projected, 'Weight', 'n/a') : projected;
  },
  SetStockQuantity(body, { store }) {
    const productId = int(child(body, 'productId'), 'productId');
    const quantity = decimal(child(body, 'stockQuantity'), 'stockQuantity');
    if (productId === undefined || quantity === undefined) throw soapFault('soap:Client', 'Server was unable to read request. ---> productId and stockQuantity are required');
    return store.setStock(productId, quantity);
  },
};

const orderMembers = membersOf(services.invoices.schema, 'InvoiceOrder');
const rowMembers = membersOf(services.invoices.schema, 'InvoiceRow');
/** At most this many ids per GetInvoices [V S-DEV-inv]; more → a fault [U]. */
const maxOrderIds = 1000;

const orderState = (value: string | undefined): OrderState | undefined => {
  if (value === undefined) return undefined;
  if (!(orderStates as readonly string[]).includes(value)) throw soapFault('soap:Client', `Server was unable to read request. ---> Instance validation error: '${value}' is not a valid value for OrderSlipStateType.`);
  return value as OrderState;
};

function readRowChange(node: unknown): RowChange {
  const change: RowChange = {
    ProductId: int(child(node, 'ProductId'), 'InvoiceRow.ProductId'), RowId: int(child(node, 'RowId'), 'InvoiceRow.RowId'), Price: decimal(child(node, 'Price'), 'InvoiceRow.Price'),
    Name: text(child(node, 'Name')), Quantity: decimal(child(node, 'Quantity'), 'InvoiceRow.Quantity'), ProductNo: text(child(node, 'ProductNo')),
    ChangeState: text(child(node, 'ChangeState')) as RowChange['ChangeState'],
  };
  return Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as RowChange;
}

function readOrderChange(node: unknown): OrderChange {
  const rows = child(node, 'InvoiceRows');
  const change: OrderChange = {
    OrderId: int(child(node, 'OrderId'), 'OrderId'), CustomerId: int(child(node, 'CustomerId'), 'CustomerId'), OrderStatus: orderState(text(child(node, 'OrderStatus'))),
    YourReference: text(child(node, 'YourReference')), InvoiceTitle: text(child(node, 'InvoiceTitle')), ReferenceNumber: text(child(node, 'ReferenceNumber')),
    ExternalStatus: int(child(node, 'ExternalStatus'), 'ExternalStatus'), ...(rows === undefined ? {} : { InvoiceRows: items(rows, 'InvoiceRow').map(readRowChange) }),
  };
  return Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as OrderChange;
}

const invoiceHandlers: Record<string, Handler> = {
  GetOrderSyncList(body, { store }) {
    const params = child(body, 'syncParams');
    return store.orderSyncList(dateTime(child(params, 'ChangedAfter'), 'ChangedAfter'), dateTime(child(params, 'RegisteredAfter'), 'RegisteredAfter'));
  },
  GetInvoices(body, { store, faults }) {
    const search = child(body, 'searchParams');
    const properties = strings(child(body, 'invoiceReturnProperties')).filter((name) => orderMembers.includes(name));
    const rowProperties = strings(child(body, 'rowReturnProperties')).filter((name) => rowMembers.includes(name));
    const orderIds = ints(child(search, 'OrderIds'), 'OrderIds');
    if (orderIds.length > maxOrderIds) throw soapFault('soap:Server', `Server was unable to process request. ---> At most ${maxOrderIds} OrderIds can be requested at a time (${orderIds.length} given)`);
    const found = store.findOrders({
      CustomerIds: ints(child(search, 'CustomerIds'), 'CustomerIds'), ChangedAfter: dateTime(child(search, 'ChangedAfter'), 'ChangedAfter'),
      OrderStates: items(child(search, 'OrderStates'), 'OrderSlipStateType').map((n) => orderState(text(n))!),
      InvoiceIds: ints(child(search, 'InvoiceIds'), 'InvoiceIds'), OrderIds: orderIds, ExternalStatus: ints(child(search, 'ExternalStatus'), 'ExternalStatus'),
    });
    // Rows come only when InvoiceRows is asked for, with the row members asked for [V B3].
    const projected = found.map((o) => ({ ...project(o, properties.filter((p) => p !== 'InvoiceRows')), ...(properties.includes('InvoiceRows') ? { InvoiceRows: o.InvoiceRows.map((r) => project(r, rowProperties)) } : {}) }));
    return properties.includes('OrderStatus') ? corrupt(faults, 'invoices', projected, 'OrderStatus', 'Bekreftet') : projected;
  },
  SaveInvoices(body, { store }) {
    return items(child(body, 'invoices'), 'InvoiceOrder').map((node) => {
      const outcome = store.saveOrder(readOrderChange(node));
      if (outcome.ok) return project(outcome.order, orderMembers.filter((m) => m !== 'InvoiceRows'));
      return { ...project(outcome.item, ['OrderId', 'OrderStatus']), APIException: { Type: outcome.type, Message: outcome.message } };
    });
  },
};

const companyMembers = membersOf(services.companies.schema, 'Company');

const companyHandlers: Record<string, Handler> = {
  GetCompanies(body, { store, faults }) {
    const search = child(body, 'searchParams');
    const properties = strings(child(body, 'returnProperties')).filter((name) => companyMembers.includes(name));
    const found = store.findCompanies({
      CompanyId: int(child(search, 'CompanyId'), 'CompanyId'), CompanyIds: ints(child(search, 'CompanyIds'), 'CompanyIds'), CompanyName: text(child(search, 'CompanyName')),
      ExternalId: text(child(search, 'ExternalId')), ChangedAfter: dateTime(child(search, 'ChangedAfter'), 'ChangedAfter'),
    });
    const projected = found.map((company) => project(company, properties));
    return properties.includes('Type') ? corrupt(faults, 'companies', projected, 'Type', 'Leverandør') : projected;
  },
};

const authHandlers: Record<string, Handler> = {
  Login(body, { sessions, badLogin }, c) {
    const credential = child(body, 'credential');
    const id = sessions.login({
      applicationId: text(child(credential, 'ApplicationId')), identityId: text(child(credential, 'IdentityId')),
      username: text(child(credential, 'Username')), password: text(child(credential, 'Password')),
    });
    if (id === '' && badLogin === 'fault') throw soapFault('soap:Server', 'Invalid username or password');
    // ASMX with sessions also sets the cookie; clients send the LoginResult as the cookie either way [V B2].
    if (id) c.header('Set-Cookie', `ASP.NET_SessionId=${id}; path=/; HttpOnly`);
    return id;
  },
  HasSession(_body, { sessions, cookieSession }, c) {
    return sessions.user(cookieSession(c)) !== undefined;
  },
};

const pick = (names: string[]) => Object.fromEntries(Object.values(operations).filter((op) => names.includes(op.name)).map((op) => [op.name, op]));

/** The services the simulator answers, on their documented paths (notes B1). */
export const serviceRoutes: ServiceRoute[] = [
  { path: authenticateOperations.login.path, needsSession: false, operations: { Login: authenticateOperations.login, HasSession: authenticateOperations.hasSession }, handlers: authHandlers },
  { path: services.products.path, needsSession: true, operations: pick(Object.keys(productHandlers)), handlers: productHandlers },
  { path: services.invoices.path, needsSession: true, operations: pick(Object.keys(invoiceHandlers)), handlers: invoiceHandlers },
  { path: services.companies.path, needsSession: true, operations: pick(Object.keys(companyHandlers)), handlers: companyHandlers },
];
