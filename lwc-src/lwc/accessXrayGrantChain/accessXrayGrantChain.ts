/**
 * The grant-chain view: each way access reaches the user, drawn as a chain of steps
 * user → group → rule → record (an ordered list laid out as a flow, with the "via" of each
 * hop on the connector), so an admin sees at a glance how access flows.
 */
import { LightningElement, api } from 'lwc';
import type { GrantPath, LayerResult, PathStepKind } from 'c/accessXrayEngine';
import { LABELS, format, stepKindLabel } from 'c/accessXrayLabels';
import type { LinkMap, NavTarget } from 'c/accessXrayLinks';

const STEP_ICONS: Record<PathStepKind, string> = {
    user: 'utility:user',
    role: 'utility:hierarchy',
    group: 'utility:groups',
    queue: 'utility:queue',
    territory: 'utility:location',
    team: 'utility:people',
    rule: 'utility:rules',
    share: 'utility:share',
    permissionSet: 'utility:identity',
    setting: 'utility:settings',
    sharingSet: 'utility:share_post',
    record: 'utility:record',
    parentRecord: 'utility:hierarchy'
};

export default class AccessXrayGrantChain extends LightningElement {
    @api paths: GrantPath[] | undefined;
    /** Layer results, to name the layer of each path. */
    @api layers: LayerResult[] | undefined;
    /** Links by id (accessXrayLinks.buildLinks): a step with a Salesforce page is a link. */
    @api links: LinkMap | undefined;

    labels = LABELS;

    get hasPaths(): boolean {
        return (this.paths?.length ?? 0) > 0;
    }

    get chains(): {
        key: string;
        heading: string;
        summary: string;
        steps: {
            key: string;
            icon: string;
            kind: string;
            label: string;
            link: NavTarget | undefined;
            via: string | undefined;
            hasNext: boolean;
        }[];
    }[] {
        return (this.paths ?? []).map((path, pathIndex) => {
            const layerTitle = this.layers?.find((l) => l.id === path.layer)?.title ?? path.layer;
            const steps = path.steps ?? [];
            return {
                key: `${path.id}-${pathIndex}`,
                heading: format(LABELS.pathLevel, path.level, layerTitle),
                summary: path.summary,
                steps: steps.map((step, index) => ({
                    key: `${path.id}-${index}`,
                    icon: STEP_ICONS[step.kind] ?? 'utility:record',
                    kind: stepKindLabel(step.kind),
                    label: step.label,
                    link: step.id ? this.links?.[step.id] : undefined,
                    via: step.via,
                    hasNext: index < steps.length - 1
                }))
            };
        });
    }
}
