/**
 * The layer list: every layer in the order the engine returns them (platform evaluation
 * order), each with a status icon and badge, its named reason, and — expanded with a native
 * button (Enter/Space, aria-expanded/aria-controls) — what it allows, next steps and evidence.
 * The layer that blocks the selected operation is highlighted and badged.
 */
import { LightningElement, api } from 'lwc';
import type { LayerId, LayerResult, LayerStatus, Operation } from 'c/accessXrayEngine';
import { LABELS, format, operationLabel, statusLabel } from 'c/accessXrayLabels';

const STATUS_ICONS: Record<LayerStatus, { icon: string; variant: string; badge: string }> = {
    grants: { icon: 'utility:success', variant: 'success', badge: 'slds-badge slds-theme_success' },
    blocks: { icon: 'utility:ban', variant: 'error', badge: 'slds-badge slds-theme_error' },
    neutral: { icon: 'utility:dash', variant: '', badge: 'slds-badge' },
    uncertain: { icon: 'utility:question', variant: 'warning', badge: 'slds-badge slds-theme_warning' },
    notApplicable: { icon: 'utility:hide', variant: '', badge: 'slds-badge slds-badge_lightest' }
};

const OPS: Operation[] = ['read', 'edit', 'delete', 'transfer', 'share'];

export interface LayerRow {
    id: string;
    title: string;
    reason: string;
    statusText: string;
    icon: string;
    iconVariant: string;
    badgeClass: string;
    itemClass: string;
    isBlocking: boolean;
    expanded: boolean;
    collapsed: boolean;
    ariaExpanded: string;
    bodyId: string;
    allows: string;
    nextSteps: { key: string; action: string; blastRadius: string | undefined }[];
    hasNextSteps: boolean;
    evidence: { key: string; text: string }[];
    hasEvidence: boolean;
    toggleIcon: string;
}

export default class AccessXrayLayerList extends LightningElement {
    @api layers: LayerResult[] | undefined;
    /** The layer that blocks the selected operation (highlighted). */
    @api blockingLayer: LayerId | undefined;

    labels = LABELS;
    expandedIds: string[] = [];

    /** Expands a layer, scrolls it into view and moves focus to its toggle button. */
    @api
    expandLayer(layerId: string): void {
        if (!this.expandedIds.includes(layerId)) {
            this.expandedIds = [...this.expandedIds, layerId];
        }
        // Focus after the re-render that shows the expanded body.
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
        return (this.layers?.length ?? 0) > 0;
    }

    get rows(): LayerRow[] {
        return (this.layers ?? []).map((layer) => {
            const look = STATUS_ICONS[layer.status] ?? STATUS_ICONS.neutral;
            const isBlocking = layer.id === this.blockingLayer;
            const expanded = this.expandedIds.includes(layer.id);
            const allowed = OPS.filter((op) => layer.access?.[op] === true).map((op) => operationLabel(op));
            const nextSteps = (layer.nextSteps ?? []).map((step, index) => ({
                key: `${layer.id}-step-${index}`,
                action: step.action,
                blastRadius: step.blastRadius ? format(LABELS.blastRadius, step.blastRadius) : undefined
            }));
            const evidence = (layer.evidence ?? []).map((text, index) => ({ key: `${layer.id}-ev-${index}`, text }));
            return {
                id: layer.id,
                title: layer.title,
                reason: layer.reason,
                statusText: statusLabel(layer.status),
                icon: look.icon,
                iconVariant: look.variant,
                badgeClass: look.badge,
                itemClass: `slds-item layer${isBlocking ? ' layer_blocking' : ''}`,
                isBlocking,
                expanded,
                collapsed: !expanded,
                ariaExpanded: expanded ? 'true' : 'false',
                bodyId: `layer-body-${layer.id}`,
                allows: allowed.length > 0 ? allowed.join(', ') : LABELS.layerAccessNone,
                nextSteps,
                hasNextSteps: nextSteps.length > 0,
                evidence,
                hasEvidence: evidence.length > 0,
                toggleIcon: expanded ? 'utility:chevrondown' : 'utility:chevronright'
            };
        });
    }

    handleToggle(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.layer;
        if (!id) {
            return;
        }
        this.expandedIds = this.expandedIds.includes(id)
            ? this.expandedIds.filter((x) => x !== id)
            : [...this.expandedIds, id];
        this.dispatchEvent(
            new CustomEvent('togglelayer', { detail: { layerId: id, expanded: this.expandedIds.includes(id) } })
        );
    }
}
