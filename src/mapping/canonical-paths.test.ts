import { describe, expect, it } from 'vitest';
import { canonicalLists, canonicalPaths } from './canonical-paths.js';

describe('canonicalPaths', () => {
  it('lists the order fields from the domain schema, with list items as []', () => {
    const paths = canonicalPaths('order');
    expect(paths).toContain('orderInfo.goodsOwnerOrderNumber');
    expect(paths).toContain('orderInfo.orderNotification.notifyBySms');
    expect(paths).toContain('orderInfo.wayOfDeliveryType.code');
    expect(paths).toContain('customer.invoiceAddress.countryStateCode');
    expect(paths).toContain('orderLines[].numberOfItems');
    expect(paths).not.toContain('orderInfo');
    expect(paths).not.toContain('orderLines');
    // Set by the warehouse, never by a source.
    expect(paths).not.toContain('status');
    expect(paths).not.toContain('orderLines[].pickedNumberOfItems');
  });

  it('covers every target', () => {
    expect(canonicalPaths('article')).toEqual(
      expect.arrayContaining(['articleNumber', 'weight', 'alternativeNames[].language']),
    );
    expect(canonicalPaths('purchaseOrder')).toEqual(
      expect.arrayContaining(['inOrderInfo.inDate', 'supplier.supplierNumber', 'inOrderLines[].rowPrice']),
    );
    expect(canonicalPaths('supplier')).toEqual([
      'supplierNumber', 'supplierName', 'address', 'address2', 'address3', 'postCode', 'city', 'countryCode', 'email',
    ]);
  });
});

describe('canonicalLists', () => {
  it('names the list a line table can build', () => {
    expect(canonicalLists('order')).toEqual(['orderLines']);
    expect(canonicalLists('purchaseOrder')).toEqual(['inOrderLines']);
    expect(canonicalLists('article')).toEqual(['alternativeNames']);
    expect(canonicalLists('supplier')).toEqual([]);
  });
});
