/**
 * A small seeded pseudo-random generator (mulberry32): the same seed draws the same sample on
 * every machine, so a sweep can be repeated exactly (`--seed`), and tests never depend on luck.
 */
import { randomInt } from 'node:crypto';

export type Random = () => number;

export function seededRandom(seed: number): Random {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** A fresh seed for a sweep without `--seed` (printed, so the sweep can be repeated). */
export function newSeed(): number {
    return randomInt(1, 2 ** 31 - 1);
}

export function pick<T>(items: readonly T[], random: Random): T | undefined {
    return items.length ? items[Math.floor(random() * items.length)] : undefined;
}

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
}
