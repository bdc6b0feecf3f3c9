import type { Generated } from 'kysely';

/**
 * Table types of the database, the same on SQLite and PostgreSQL. Portable choices: JSON is
 * stored as text, timestamps as ISO-8601 text (sortable), ids as integers.
 */
export interface GoodsOwnersTable {
  id: Generated<number>;
  code: string;
  name: string;
  status_rules: string;
  created_at: string;
}

interface KeyedDocument {
  goods_owner_id: number;
  data: string;
  updated_at: string;
}

export interface ArticlesTable extends KeyedDocument {
  article_number: string;
}

export interface SuppliersTable extends KeyedDocument {
  supplier_number: string;
}

export interface OrdersTable extends KeyedDocument {
  id: Generated<number>;
  order_number: string;
  status: number;
  /** JSON array of shipments */
  shipments: string;
  created_at: string;
}

export interface OrderLinesTable {
  order_id: number;
  row_no: number;
  article_number: string;
  number_of_items: number;
  picked_number_of_items: number | null;
  /** JSON: the line's other canonical fields */
  data: string;
}

export interface PurchaseOrdersTable extends KeyedDocument {
  id: Generated<number>;
  order_number: string;
  status: number;
  created_at: string;
}

export interface PurchaseOrderLinesTable {
  purchase_order_id: number;
  row_no: number;
  article_number: string;
  number_of_items: number;
  received_number_of_items: number;
  data: string;
}

export interface StockBalancesTable {
  goods_owner_id: number;
  article_number: string;
  physical: number;
  updated_at: string;
}

/** Events the WMS writes in the transaction of the change that caused them, for the sync engine. */
export interface WmsEventsTable {
  id: Generated<number>;
  goods_owner_id: number;
  type: string;
  subject: string;
  payload: string;
  created_at: string;
}

export interface Database {
  goods_owners: GoodsOwnersTable;
  articles: ArticlesTable;
  suppliers: SuppliersTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  purchase_orders: PurchaseOrdersTable;
  purchase_order_lines: PurchaseOrderLinesTable;
  stock_balances: StockBalancesTable;
  wms_events: WmsEventsTable;
}
