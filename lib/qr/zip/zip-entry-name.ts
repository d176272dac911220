// File names inside the QR archive: `<name>-<scene>.png`, Chinese intact, nothing a file system or
// an unzip tool would read as a path, a drive or a device.
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/g;
const MAX_NAME = 80; // characters of the name part; scenes are at most 64

export function zipEntryName(name: string | null | undefined, sceneKey: string, taken: Set<string>): string {
  const base = (name ?? "").replace(UNSAFE, "_").replace(/^[.\s_]+|[.\s]+$/g, "").slice(0, MAX_NAME) || "qrcode";
  const scene = sceneKey.replace(UNSAFE, "_");
  let candidate = `${base}-${scene}.png`;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}-${scene}-${n}.png`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
