/**
 * Stratified sampling of (user, record) pairs for the fidelity sweep. A stratum is one object
 * and one user type (Case × Standard, Case × PowerPartner, …); the sample is spread over the
 * strata as evenly as they allow (round robin in a seeded order, one pair per stratum per
 * round, without repeating a pair), so a sweep of 50 pairs checks partner users on cases even
 * when the org has a thousand times more internal users than partners.
 */
import { shuffled, type Random } from './random';

export interface SweepUser {
    id: string;
    name: string;
    userType: string;
}

export interface SweepRecord {
    id: string;
    object: string;
}

export interface SweepPair {
    userId: string;
    userName: string;
    userType: string;
    recordId: string;
    object: string;
}

export interface StratumInfo {
    object: string;
    userType: string;
    /** Pairs the stratum could give. */
    available: number;
    sampled: number;
}

/** A stratum that can draw pairs at random without repeating one. */
export interface Stratum {
    object: string;
    userType: string;
    available: number;
    draw(random: Random): SweepPair | undefined;
}

/** A stratum of explicit pairs (a snapshot: the pairs UserRecordAccess answered for). */
export function listStratum(object: string, userType: string, pairs: SweepPair[]): Stratum {
    let pool: SweepPair[] | undefined;
    return {
        object,
        userType,
        available: pairs.length,
        draw(random) {
            pool ??= shuffled(pairs, random);
            return pool.pop();
        }
    };
}

/** A stratum of every record of an object × every user of a type (an org's sampling frame). */
export function crossStratum(object: string, userType: string, records: SweepRecord[], users: SweepUser[]): Stratum {
    const used = new Set<number>();
    const size = records.length * users.length;
    return {
        object,
        userType,
        available: size,
        draw(random) {
            if (used.size >= size) return undefined;
            // Rejection sampling while the stratum is sparse; a walk from a random start once it fills up.
            let k = Math.floor(random() * size);
            for (let tries = 0; used.has(k) && tries < 32; tries++) k = Math.floor(random() * size);
            while (used.has(k)) k = (k + 1) % size;
            used.add(k);
            const record = records[Math.floor(k / users.length)] as SweepRecord;
            const user = users[k % users.length] as SweepUser;
            return { userId: user.id, userName: user.name, userType: user.userType, recordId: record.id, object };
        }
    };
}

export function stratifiedSample(strata: Stratum[], size: number, random: Random): { pairs: SweepPair[]; strata: StratumInfo[] } {
    const order = shuffled(
        [...strata].sort((a, b) => `${a.object}|${a.userType}`.localeCompare(`${b.object}|${b.userType}`)),
        random
    );
    const counts = new Map<Stratum, number>(order.map((s) => [s, 0]));
    const open = new Set(order.filter((s) => s.available > 0));
    const pairs: SweepPair[] = [];
    while (pairs.length < size && open.size) {
        for (const s of order) {
            if (pairs.length >= size) break;
            if (!open.has(s)) continue;
            const pair = s.draw(random);
            if (!pair) {
                open.delete(s);
                continue;
            }
            pairs.push(pair);
            counts.set(s, (counts.get(s) ?? 0) + 1);
            if ((counts.get(s) ?? 0) >= s.available) open.delete(s);
        }
    }
    return {
        pairs,
        strata: [...strata]
            .sort((a, b) => a.object.localeCompare(b.object) || a.userType.localeCompare(b.userType))
            .map((s) => ({ object: s.object, userType: s.userType, available: s.available, sampled: counts.get(s) ?? 0 }))
    };
}
