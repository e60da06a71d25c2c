/**
 * The layers as a compact strip, in the order the engine returns them (platform evaluation
 * order): one line each — icon, name and the state in plain words ("gives Read", "blocks",
 * "nothing here", "not checked", "allows Read, Edit" for object permissions). Layers that grant,
 * block, are uncertain or hold the near miss start open; the rest open on click (native
 * buttons, aria-expanded / aria-controls). Open, a layer shows its reason, next steps with a
 * link to where each is done, its evidence (each id a link where Salesforce has a page) and
 * its sources.
 */
import { LightningElement, api } from 'lwc';
import type { LayerId, LayerResult } from 'c/accessXrayEngine';
import { LABELS, format } from 'c/accessXrayLabels';
import { stepKey } from 'c/accessXrayLinks';
import type { LinkMap, NavTarget } from 'c/accessXrayLinks';
import { expandedByDefault, layerState } from 'c/accessXrayPresentation';
import type { Tone } from 'c/accessXrayPresentation';

const TONE_ICONS: Record<Tone, { icon: string; variant: string }> = {
    grants: { icon: 'utility:success', variant: 'success' },
    blocks: { icon: 'utility:ban', variant: 'error' },
    neutral: { icon: 'utility:dash', variant: '' },
    uncertain: { icon: 'utility:question', variant: 'warning' },
    notApplicable: { icon: 'utility:hide', variant: '' }
};

interface LinkedText {
    key: string;
    text: string;
    link: NavTarget | undefined;
}

export interface LayerRow {
    id: string;
    title: string;
    reason: string;
    stateText: string;
    stateClass: string;
    icon: string;
    iconVariant: string;
    itemClass: string;
    isDeciding: boolean;
    expanded: boolean;
    collapsed: boolean;
    ariaExpanded: string;
    bodyId: string;
    nextSteps: { key: string; action: string; blastRadius: string | undefined; link: NavTarget | undefined }[];
    hasNextSteps: boolean;
    evidence: LinkedText[];
    hasEvidence: boolean;
    sources: { key: string; text: string; url: string | undefined }[];
    hasSources: boolean;
    toggleIcon: string;
}

export default class AccessXrayLayerList extends LightningElement {
    private layerList: LayerResult[] | undefined;
    /** Layers the reader opened or closed, overriding the default. */
    private toggled: Record<string, boolean> = {};

    @api
    get layers(): LayerResult[] | undefined {
        return this.layerList;
    }
    set layers(value: LayerResult[] | undefined) {
        // A new explanation starts from the default open layers.
        this.layerList = value;
        this.toggled = {};
    }

    /** The layer the verdict points at (outlined, announced as deciding the verdict). */
    @api decidingLayer: LayerId | undefined;
    /** The layer that holds the near miss (starts open). */
    @api nearMissLayer: LayerId | undefined;
    /** Links by evidence id and next-step key (accessXrayLinks.buildLinks). */
    @api links: LinkMap | undefined;

    labels = LABELS;

    /** Opens a layer, scrolls it into view and moves focus to its toggle button. */
    @api
    expandLayer(layerId: string): void {
        this.toggled = { ...this.toggled, [layerId]: true };
        // Focus after the re-render that shows the opened body.
        Promise.resolve().then(() => {
            const button = this.template?.querySelector<HTMLButtonElement>(`button[data-layer="${layerId}"]`);
            if (button) {
                button.focus();
                if (typeof button.scrollIntoView === 'function') {
                    button.scrollIntoView({ block: 'nearest' });
                }
            }
        });
    }

    get hasLayers(): boolean {
        return (this.layerList?.length ?? 0) > 0;
    }

    private isExpanded(layer: LayerResult): boolean {
        const override = this.toggled[layer.id];
        return override ?? expandedByDefault(layer, this.nearMissLayer);
    }

    get rows(): LayerRow[] {
        const links = this.links ?? {};
        return (this.layerList ?? []).map((layer) => {
            const state = layerState(layer);
            const look = TONE_ICONS[state.tone];
            const isDeciding = layer.id === this.decidingLayer;
            const expanded = this.isExpanded(layer);
            const nextSteps = (layer.nextSteps ?? []).map((step, index) => ({
                key: `${layer.id}-step-${index}`,
                action: step.action,
                blastRadius: step.blastRadius ? format(LABELS.blastRadius, step.blastRadius) : undefined,
                link: links[stepKey(layer.id, index)]
            }));
            const evidence = (layer.evidence ?? []).map((text, index) => ({
                key: `${layer.id}-ev-${index}`,
                text,
                link: links[text]
            }));
            const sourceTexts = [
                ...(layer.sources ?? []),
                ...(layer.nextSteps ?? []).map((s) => s.source).filter((s): s is string => typeof s === 'string' && s !== '')
            ];
            const sources = [...new Set(sourceTexts)].map((text, index) => ({
                key: `${layer.id}-src-${index}`,
                text,
                url: /^https:\/\//.test(text) ? text : undefined
            }));
            return {
                id: layer.id,
                title: layer.title,
                reason: layer.reason,
                stateText: state.text,
                stateClass: `layer__state layer__state_${state.tone}`,
                icon: look.icon,
                iconVariant: look.variant,
                itemClass: `layer${isDeciding ? ' layer_deciding' : ''}${expanded ? ' layer_open' : ''}`,
                isDeciding,
                expanded,
                collapsed: !expanded,
                ariaExpanded: expanded ? 'true' : 'false',
                bodyId: `layer-body-${layer.id}`,
                nextSteps,
                hasNextSteps: nextSteps.length > 0,
                evidence,
                hasEvidence: evidence.length > 0,
                sources,
                hasSources: sources.length > 0,
                toggleIcon: expanded ? 'utility:chevrondown' : 'utility:chevronright'
            };
        });
    }

    handleToggle(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.layer;
        const layer = this.layerList?.find((l) => l.id === id);
        if (!id || !layer) {
            return;
        }
        const expanded = !this.isExpanded(layer);
        this.toggled = { ...this.toggled, [id]: expanded };
        this.dispatchEvent(new CustomEvent('togglelayer', { detail: { layerId: id, expanded } }));
    }
}
