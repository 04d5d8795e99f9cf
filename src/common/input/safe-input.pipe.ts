import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { FieldError, invalidFields } from '../field-errors';
import { checkedPerItemFields } from './checked-per-item';
import { undocumentedNulls } from './null-fields';
import { unsafeValues } from './unsafe-values';

/**
 * Runs before validation on every body, query and path parameter: rejects what no field may hold (deep nesting, NUL,
 * lone surrogates) and null where the document does not allow it, each as a 400 naming the field. Without it such
 * values reached class-transformer's recursion or PostgreSQL and came back as 500s.
 */
@Injectable()
export class SafeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const problems = this.problems(value, metadata);
    if (problems.length > 0) throw invalidFields(problems);
    return value;
  }

  private problems(value: unknown, { type, metatype, data }: ArgumentMetadata): FieldError[] {
    if (type === 'param') return unsafeValues(value, data ?? 'path');
    if (type === 'query') return unsafeValues(value, data ?? 'query');
    if (type !== 'body') return [];
    const perItem = checkedPerItemFields(metatype);
    const isItem = (path: string) => perItem.some((field) => path.startsWith(`${field}.`));
    const unsafe = unsafeValues(value, data ?? 'body', isItem);
    return unsafe.length > 0 ? unsafe : undocumentedNulls(metatype, value, perItem);
  }
}
