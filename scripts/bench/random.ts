/**
 * Counter-based pseudo-random numbers for the synthetic org generator.
 *
 * Every random choice is a pure function of (seed, stream, index, slot): no hidden state, so
 * any table can be generated on its own, in any order, one row at a time (streaming), and two
 * runs with the same seed give byte-identical snapshots. The mixer is the 32-bit finaliser of
 * MurmurHash3 (fmix32) applied to a combination of the inputs.
 */

/** fmix32 from MurmurHash3: a bijective avalanche on 32-bit integers. */
export function fmix32(h: number): number {
    let x = h >>> 0;
    x ^= x >>> 16;
    x = Math.imul(x, 0x85ebca6b);
    x ^= x >>> 13;
    x = Math.imul(x, 0xc2b2ae35);
    x ^= x >>> 16;
    return x >>> 0;
}

/** 32-bit hash of a short string (stream names), FNV-1a. */
export function hashString(text: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
}

/** A named stream of random numbers: `stream.float(i, slot)` is the same for the same seed, name, i and slot. */
export class RandomStream {
    private readonly base: number;

    constructor(seed: number, name: string) {
        this.base = fmix32((seed >>> 0) ^ fmix32(hashString(name)));
    }

    /** Uniform 32-bit unsigned integer for (index, slot). */
    uint(index: number, slot = 0): number {
        const a = fmix32(this.base ^ Math.imul(index + 1, 0x9e3779b1));
        return fmix32(a ^ Math.imul(slot + 1, 0x632be5ab));
    }

    /** Uniform float in [0, 1). */
    float(index: number, slot = 0): number {
        return this.uint(index, slot) / 4294967296;
    }

    /** Uniform integer in [0, n). */
    int(index: number, slot: number, n: number): number {
        return n <= 0 ? 0 : Math.floor(this.float(index, slot) * n);
    }

    /** True with probability p. */
    chance(index: number, slot: number, p: number): boolean {
        return this.float(index, slot) < p;
    }

    /** Index into `weights` chosen with probability proportional to its weight. */
    weighted(index: number, slot: number, weights: readonly number[]): number {
        let total = 0;
        for (const w of weights) {
            total += w;
        }
        let x = this.float(index, slot) * total;
        for (let i = 0; i < weights.length; i++) {
            x -= weights[i] as number;
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
