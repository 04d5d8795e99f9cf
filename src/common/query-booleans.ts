import { Transform } from 'class-transformer';

/** Query strings carry booleans as text; anything but true/false stays as is and fails @IsBoolean. */
export function QueryBoolean(): PropertyDecorator {
  return Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));
}
