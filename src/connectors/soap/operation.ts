/*
 * What the SOAP kit knows of an operation: enough of the WSDL to write the request in the order
 * the server's schema demands and to read the answer with the right types. Document/literal,
 * SOAP 1.1, the style of ASMX services (24SevenOffice).
 */

/** One member of a sequence, in WSDL order. */
export interface SoapField {
  name: string;
  /** An XSD type's local name (`string`, `int`, `dateTime`, `guid`, an enum's name) or a complex type of the schema. */
  type: string;
  /** maxOccurs above 1: the member repeats, read and written as an array. */
  repeated: boolean;
}

export interface SoapSchema {
  /** The target namespace of the operations' elements. */
  namespace: string;
  /** The sequence of each top-level element: the operations' request and response wrappers. */
  elements: Readonly<Record<string, readonly SoapField[]>>;
  /** The sequence of each named complex type. */
  types: Readonly<Record<string, readonly SoapField[]>>;
}

export interface SoapOperation {
  name: string;
  /** Sent quoted in the SOAPAction header. */
  soapAction: string;
  /** The service's address path (`/authenticate/v001/authenticate.asmx`), joined to the client's base URL. */
  path: string;
  /** The request and response wrapper elements; the response's first member is the result. */
  input: string;
  output: string;
  schema: SoapSchema;
  /**
   * Safe to send again when an attempt's outcome is unknown: true for reads (Get…, HasSession).
   * SOAP always POSTs, so the HTTP kit cannot tell by the method.
   */
  idempotent: boolean;
}

/** A complex type whose only member repeats (`ArrayOfInvoiceOrder`): written from and read as a plain array. */
export function listItem(schema: SoapSchema, type: string): SoapField | undefined {
  const fields = schema.types[type];
  return fields?.length === 1 && fields[0]!.repeated ? fields[0] : undefined;
}
