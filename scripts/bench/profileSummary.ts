/**
 * Summarises a V8 `.cpuprofile` (written by `node --cpu-prof`): self and inclusive time per
 * function, so `npm run bench -- --profile` can name what dominates the engine's cost.
 * Inclusive time counts a sample once per function on its stack (recursion is not double counted).
 */
export interface CpuProfileNode {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
}

export interface CpuProfile {
    nodes: CpuProfileNode[];
    samples: number[];
    timeDeltas: number[];
}

export interface FunctionCost {
    name: string;
    file: string;
    line: number;
    selfMs: number;
    inclusiveMs: number;
    inclusivePercent: number;
}

/**
 * With `within` (function names, e.g. the engine's `explain`), only samples under the outermost
 * such frame count, from that frame down — the harness's own frames and the profiler's are left
 * out — plus the garbage collector's samples, which belong to whatever allocated.
 */
export function summariseProfile(profile: CpuProfile, top = 20, within?: readonly string[]): FunctionCost[] {
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const selfByNode = new Map<number, number>();
    profile.samples.forEach((id, i) => selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const key = (n: CpuProfileNode): string => `${n.callFrame.functionName || '(anonymous)'}\u0000${n.callFrame.url.split('/').pop() ?? ''}\u0000${n.callFrame.lineNumber + 1}`;
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let total = 0;
    for (const [id, micros] of selfByNode) {
        const leaf = nodes.get(id);
        if (!leaf) continue;
        let stack: number[] = [];
        for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) stack.push(cur);
        if (within) {
            // The outermost frame named in `within` (the stack runs leaf first).
            const at = stack.reduce((found, n, i) => (within.includes(nodes.get(n)?.callFrame.functionName ?? '') ? i : found), -1);
            if (at >= 0) {
                stack = stack.slice(0, at + 1);
            } else if (leaf.callFrame.functionName !== '(garbage collector)') {
                continue;
            }
        }
        total += micros;
        self.set(key(leaf), (self.get(key(leaf)) ?? 0) + micros);
        const seen = new Set<string>();
        for (const cur of stack) {
            const node = nodes.get(cur);
            if (!node) break;
            const k = key(node);
            if (!seen.has(k)) {
                seen.add(k);
                inclusive.set(k, (inclusive.get(k) ?? 0) + micros);
            }
        }
    }
    return [...inclusive.entries()]
        .filter(([k]) => !k.startsWith('(root)'))
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([k, micros]) => {
            const [name = '', file = '', line = '0'] = k.split('\u0000');
            return {
                name,
                file,
                line: Number(line),
                selfMs: (self.get(k) ?? 0) / 1000,
                inclusiveMs: micros / 1000,
                inclusivePercent: total ? (100 * micros) / total : 0
            };
        });
}

export function renderProfile(costs: FunctionCost[]): string {
    return costs
        .map((c) => `${c.inclusiveMs.toFixed(0).padStart(8)} ms ${c.inclusivePercent.toFixed(1).padStart(5)} %  self ${c.selfMs.toFixed(0).padStart(6)} ms  ${c.name} (${c.file}:${c.line})`)
        .join('\n');
}
