const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Bytes to standard base64 (no line breaks), and back; the domain runs in browsers and Node alike, without Buffer. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let at = 0; at < bytes.length; at += 3) {
    const a = bytes[at] as number;
    const b = bytes[at + 1];
    const c = bytes[at + 2];
    out += ALPHABET[a >> 2];
    out += ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)];
    out += b === undefined ? '=' : ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)];
    out += c === undefined ? '=' : ALPHABET[c & 63];
  }
  return out;
}

export function decodeBase64(text: string): Uint8Array {
  const values = new Uint8Array(128);
  for (let index = 0; index < ALPHABET.length; index += 1) values[ALPHABET.charCodeAt(index)] = index;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let at = 0; at < text.length; at += 4) {
    const chunk =
      ((values[text.charCodeAt(at)] as number) << 18) |
      ((values[text.charCodeAt(at + 1)] as number) << 12) |
      ((values[text.charCodeAt(at + 2)] as number) << 6) |
      (values[text.charCodeAt(at + 3)] as number);
    for (const shift of [16, 8, 0]) {
      if (out < bytes.length) bytes[out++] = (chunk >> shift) & 255;
    }
  }
  return bytes;
}
