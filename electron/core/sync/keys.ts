// Each installation signs its own events with an Ed25519 key of its own (node:crypto, nothing to install).
// Other offices pin its public key once a person has compared the fingerprint read aloud or printed.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type Database from 'better-sqlite3';

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no I, O, 0, 1: easier to read aloud

/** 16 characters in four groups, from the SHA-256 of the raw public key: "K7QM-2XHD-9PWA-F4TE". */
export function fingerprint(publicKeyB64: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKeyB64, 'base64')).digest();
  let out = '';
  for (let i = 0; i < 16; i++) out += BASE32[digest[i]! % 32];
  return out.match(/.{4}/g)!.join('-');
}

export interface Signer {
  publicKey: string;
  sign(body: string): string;
}

function meta(db: Database.Database, key: string): string | undefined {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

/** The installation's key pair, created with the store and kept in it. */
export function loadSigner(db: Database.Database): Signer {
  let priv = meta(db, 'signing_key');
  if (!priv) {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    priv = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    const pub = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)').run('signing_key', priv, 'public_key', pub);
  }
  const key: KeyObject = createPrivateKey({ key: Buffer.from(priv, 'base64'), format: 'der', type: 'pkcs8' });
  const publicKey = meta(db, 'public_key')!;
  return { publicKey, sign: (body) => sign(null, Buffer.from(body, 'utf8'), key).toString('base64') };
}

// A bundle holds thousands of events by a handful of authors: parse each key once.
const keyCache = new Map<string, KeyObject>();

function publicKeyObject(publicKeyB64: string): KeyObject {
  let key = keyCache.get(publicKeyB64);
  if (!key) {
    key = createPublicKey({ key: Buffer.from(publicKeyB64, 'base64'), format: 'der', type: 'spki' });
    if (keyCache.size > 1000) keyCache.clear();
    keyCache.set(publicKeyB64, key);
  }
  return key;
}

export function verifySignature(publicKeyB64: string, body: string, sigB64: string): boolean {
  try {
    return verify(null, Buffer.from(body, 'utf8'), publicKeyObject(publicKeyB64), Buffer.from(sigB64, 'base64'));
  } catch {
    return false;
  }
}
