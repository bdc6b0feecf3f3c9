import type { SoapField, SoapOperation, SoapSchema } from '../../src/connectors/sdk/index.js';

/*
 * The parts of 24SevenOffice's ProductService, InvoiceService and CompanyService this connector
 * and its sandbox use, written out from the official WSDLs (fixtures/wsdl/; notes B4–B6) because
 * tsc does not ship .wsdl files. services.test.ts reads the WSDLs with the SDK's readWsdl and
 * checks every element, type, SOAPAction and address here against them. Members are in WSDL
 * sequence order, as `Name:type` (`*` = repeated); a type may list fewer members than the WSDL
 * (never others, never in another order).
 */

export const namespace = 'http://24sevenOffice.com/webservices';

const sequence = (members: string): SoapField[] =>
  members.split(/\s+/).filter(Boolean).map((member) => {
    const [name, type] = member.replace(/\*$/, '').split(':') as [string, string];
    return { name, type, repeated: member.endsWith('*') };
  });
const sequences = (spec: Record<string, string>) => Object.fromEntries(Object.entries(spec).map(([name, members]) => [name, sequence(members)]));

const shared = {
  ArrayOfInt: 'int:int*',
  ArrayOfString: 'string:string*',
  APIException: 'Type:string Message:string StackTrace:string',
};
/** Orders and companies carry the same four addresses. */
const addresses = {
  Address: 'Street:string State:string PostalCode:string PostalArea:string Name:string City:string Country:string',
  Addresses: 'Post:Address Delivery:Address Visit:Address Invoice:Address',
};

function service(path: string, elements: Record<string, string>, types: Record<string, string>) {
  const schema: SoapSchema = { namespace, elements: sequences(elements), types: sequences({ ...shared, ...types }) };
  /** Reads (Get…) are safe to send again; `idempotent` says so for the other operations that are. */
  const operation = (name: string, idempotent = name.startsWith('Get')): SoapOperation => ({
    name, soapAction: `${namespace}/${name}`, path, input: name, output: `${name}Response`, schema, idempotent,
  });
  return { path, schema, operation };
}

const products = service(
  '/Logistics/Product/V001/ProductService.asmx',
  {
    GetProducts: 'searchParams:ProductSearchParameters returnProperties:ArrayOfString',
    GetProductsResponse: 'GetProductsResult:ArrayOfProduct',
    SetStockQuantity: 'productId:int stockQuantity:decimal',
    SetStockQuantityResponse: 'SetStockQuantityResult:boolean',
  },
  {
    ProductSearchParameters: 'Id:int CategoryId:int No:string EAN1:string Name:string Price:decimal DateChanged:dateTime ProductIds:ArrayOfInt',
    ArrayOfProduct: 'Product:Product*',
    Product:
      'CashPriceIncTax:double WebPrice:decimal SupplierId:int Id:int Name:string TaxRate:decimal Stock:decimal StatusId:int CategoryId:int PriceGroupID:int ' +
      'InPrice:decimal Description:string DescriptionLong:string Cost:decimal EAN1:string Price:decimal No:string DateChanged:dateTime APIException:APIException ' +
      'Weight:decimal MinimumStock:decimal OrderProposal:decimal StockLocation:string SupplierProductCode:string SupplierProductName:string Web:boolean ' +
      'ProductCode:string StockControlled:boolean NewOffer:boolean NewProduct:boolean',
  },
);

const invoices = service(
  '/Economy/InvoiceOrder/V001/InvoiceService.asmx',
  {
    GetOrderSyncList: 'syncParams:InvoiceSyncParameters',
    GetOrderSyncListResponse: 'GetOrderSyncListResult:ArrayOfInt',
    GetInvoices: 'searchParams:InvoiceSearchParameters invoiceReturnProperties:ArrayOfString rowReturnProperties:ArrayOfString',
    GetInvoicesResponse: 'GetInvoicesResult:ArrayOfInvoiceOrder',
    SaveInvoices: 'invoices:ArrayOfInvoiceOrder',
    SaveInvoicesResponse: 'SaveInvoicesResult:ArrayOfInvoiceOrder',
  },
  {
    ...addresses,
    InvoiceSyncParameters: 'ChangedAfter:dateTime RegisteredAfter:dateTime',
    InvoiceSearchParameters: 'CustomerIds:ArrayOfInt ChangedAfter:dateTime OrderStates:ArrayOfOrderSlipStateType InvoiceIds:ArrayOfInt OrderIds:ArrayOfInt ExternalStatus:ArrayOfInt',
    ArrayOfOrderSlipStateType: 'OrderSlipStateType:OrderSlipStateType*',
    ArrayOfInvoiceOrder: 'InvoiceOrder:InvoiceOrder*',
    InvoiceOrder:
      'OrderId:int CustomerId:int CustomerName:string CustomerDeliveryName:string CustomerDeliveryPhone:string Addresses:Addresses OrderStatus:OrderSlipStateType ' +
      'InvoiceId:int DateOrdered:dateTime DateInvoiced:dateTime DateChanged:dateTime PaymentTime:int CustomerReferenceNo:string ProjectId:int OurReference:int ' +
      'IncludeVAT:boolean YourReference:string OrderTotalIncVat:decimal OrderTotalVat:decimal InvoiceTitle:string InvoiceText:string Paid:dateTime OCR:string ' +
      'CustomerOrgNo:string Currency:Currency PaymentMethodId:int PaymentAmount:decimal ProductionManagerId:int SalesOpportunityId:int TypeOfSaleId:int ' +
      'Distributor:Distributor DistributionMethod:DistributionMethod DepartmentId:int ExternalStatus:int InvoiceEmailAddress:string InvoiceRows:ArrayOfInvoiceRow ' +
      'APIException:APIException ProductionNumber:string DeliveryDate:dateTime ReferenceInvoiceId:int ReferenceOrderId:int ReferenceNumber:string SkipStock:boolean ' +
      'AccrualDate:dateTime AccrualLength:int RoundFactor:decimal InvoiceTemplateId:guid VippsNumber:string DeliveryMethod:DeliveryMethod DeliveryAlternative:string ' +
      'SendToFactoring:boolean Commission:decimal UserDefinedDimensions:ArrayOfUserDefinedDimension GLNNumber:string CustomerDeliveryId:int',
    Currency: 'Rate:decimal Unit:short Symbol:string',
    ArrayOfInvoiceRow: 'InvoiceRow:InvoiceRow*',
    InvoiceRow:
      'ProductId:int RowId:int VatRate:decimal Price:decimal Name:string DiscountRate:decimal Quantity:decimal QuantityDelivered:decimal QuantityOrdered:decimal ' +
      'QuantityRest:decimal Cost:decimal ChangeState:ChangeState TypeGroupId:int SequenceNumber:short Hidden:boolean Type:RowType InPrice:decimal AccrualDate:dateTime ' +
      'AccrualLength:int AccountProject:boolean ProjectId:int DepartmentId:int ProductNo:string TaxSettings:TaxSettings UserDefinedDimensions:ArrayOfUserDefinedDimension SerialNumber:string',
    TaxSettings: 'TaxAccount:int TaxCode:int TaxRate:decimal',
    DeliveryMethod: 'Id:int Description:string',
  },
);

const companies = service(
  '/CRM/Company/V001/CompanyService.asmx',
  {
    GetCompanies: 'searchParams:CompanySearchParameters returnProperties:ArrayOfString',
    GetCompaniesResponse: 'GetCompaniesResult:ArrayOfCompany',
  },
  {
    ...addresses,
    CompanySearchParameters: 'ExternalId:string CompanyId:int CompanyIds:ArrayOfInt CompanyName:string ChangedAfter:dateTime CompanyEmail:string CompanyPhone:string OrganizationNumber:string',
    ArrayOfCompany: 'Company:Company*',
    Company:
      'APIException:APIException Id:int ExternalId:string OrganizationNumber:string Name:string FirstName:string NickName:string Addresses:Addresses ' +
      'PhoneNumbers:PhoneNumbers EmailAddresses:EmailAddresses Url:string Country:string Note:string InvoiceLanguage:string Type:CompanyType DateCreated:dateTime ' +
      'Status:int DateChanged:dateTime VatNumber:string',
    PhoneNumbers: 'Home:PhoneNumber Fax:PhoneNumber Mobile:PhoneNumber Primary:PhoneNumber Work:PhoneNumber',
    PhoneNumber: 'Description:string Value:string',
    EmailAddresses: 'Home:EmailAddress Invoice:EmailAddress Primary:EmailAddress Work:EmailAddress Alternative:EmailAddress',
    EmailAddress: 'Description:string Name:string Value:string',
  },
);

/** The operations by service, as the client calls them and the sandbox answers them. */
export const services = { products, invoices, companies };

export const operations = {
  getProducts: products.operation('GetProducts'),
  // An absolute quantity: sending it twice leaves the same stock, so an unknown outcome may be resent.
  setStockQuantity: products.operation('SetStockQuantity', true),
  getOrderSyncList: invoices.operation('GetOrderSyncList'),
  getInvoices: invoices.operation('GetInvoices'),
  saveInvoices: invoices.operation('SaveInvoices'),
  getCompanies: companies.operation('GetCompanies'),
};

/** Members of a type, for return-property lists and settings that name them. */
export const membersOf = (schema: SoapSchema, type: string): string[] => (schema.types[type] ?? []).map((f) => f.name);
