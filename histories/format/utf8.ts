// Finds where bytes stop being UTF-8. The reader decodes with TextDecoder (fatal), which
// says only that a chunk is bad; this walk, run only then, says where, so the error can
// name the line and column.

/** firstInvalidUtf8 returns the offset of the first byte of the first ill-formed sequence in `bytes`, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let offset = 0;
  while (offset < bytes.length) {
    const length = sequenceLength(bytes, offset);
    if (length === 0) return offset;
    offset += length;
  }
  return -1;
}

/**
 * sequenceLength is the length of the well-formed sequence starting at `offset`, or 0.
 * The second byte's range rules out overlong forms, surrogates and code points above
 * U+10FFFF (Unicode, table 3-7), as TextDecoder does.
 */
function sequenceLength(bytes: Uint8Array, offset: number): number {
  const lead = bytes[offset]!;
  if (lead < 0x80) return 1;
  const [length, secondLow, secondHigh] = leadRule(lead);
  if (length === 0 || offset + length > bytes.length) return 0;
  const second = bytes[offset + 1]!;
  if (second < secondLow || second > secondHigh) return 0;
  for (let index = 2; index < length; index++) {
    const next = bytes[offset + index]!;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

/** leadRule gives a lead byte's sequence length and the range its second byte must fall in. */
function leadRule(lead: number): [number, number, number] {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  return [0, 0, 0];
}
