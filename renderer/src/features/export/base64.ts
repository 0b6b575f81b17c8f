/** Bytes as base64 for the contract's data fields (no data: prefix), in slices so a 1 MiB piece never overflows the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  const SLICE = 0x8000;
  for (let i = 0; i < bytes.length; i += SLICE) bin += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  return btoa(bin);
}
