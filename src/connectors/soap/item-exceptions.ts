import { WmsyncError } from '../../kernel/errors.js';

/** The error member 24SevenOffice sets on each item of a Save…/Delete… result that failed. */
export interface ApiException {
  Type?: string;
  Message?: string;
  StackTrace?: string;
}

export interface ItemRefusal<T> {
  /** The item's place in the request and in the result, which come back in the same order. */
  index: number;
  item: T;
  /** Kind `record`: this item is skipped with the remote's reason; the others are saved. */
  error: WmsyncError;
}

/**
 * Splits a save result into the items saved and the items refused. The call itself succeeded
 * (HTTP 200): each item answers for itself with an `APIException` ("Please see APIException
 * property for errors"). The stack trace stays out of the message: it is the server's internals.
 */
export function splitItemResults<T extends { APIException?: ApiException | null }>(
  items: readonly T[],
  label: (item: T, index: number) => string,
): { saved: T[]; refused: ItemRefusal<T>[] } {
  const saved: T[] = [];
  const refused: ItemRefusal<T>[] = [];
  items.forEach((item, index) => {
    const exception = item.APIException;
    if (!exception || (!exception.Message && !exception.Type)) {
      saved.push(item);
      return;
    }
    const type = exception.Type ? ` (${exception.Type})` : '';
    const error = new WmsyncError('record', `${label(item, index)}: ${exception.Message || 'refused without a message'}${type}`, [
      { record: label(item, index), field: '(item)', reason: exception.Message || 'refused' },
    ]);
    refused.push({ index, item, error });
  });
  return { saved, refused };
}
