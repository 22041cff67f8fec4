/** UTF-8-safe base64, as Secret data and ConfigMap binaryData carry it (atob/btoa alone are Latin-1). */
export function encodeBase64(text: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** Decodes base64 to UTF-8 text; malformed input decodes to ''. */
export function decodeBase64(b64: string): string {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0)));
  } catch {
    return '';
  }
}
