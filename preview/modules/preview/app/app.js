/* global window */
/**
 * Preview shell: a stand-in for a Lightning record page. Choose one of the demo org's
 * scenarios (or any record with ?recordId=) and the real Access X-Ray panel renders below,
 * exactly as on a record page, fed by the preview data adapter.
 */
import { LightningElement } from 'lwc';
import { previewRecords } from 'c/accessXrayDataAdapter';

const OBJECT_BY_PREFIX = { '001': 'Account', '003': 'Contact', 500: 'Case', '006': 'Opportunity', '00Q': 'Lead' };

function recordName(row) {
    return row.Name ?? (row.CaseNumber ? `Case ${row.CaseNumber}` : (row.Subject ?? row.Id));
}

export default class App extends LightningElement {
    recordId;
    objectApiName;
    scenarios = [];
    records = {};
    description = '';
    error;
    mode = 'full';
    /** `?region=SMALL` puts the panel in a sidebar column, as App Builder's small region does. */
    region;
    navigation = '';

    connectedCallback() {
        const params = new URLSearchParams(window.location.search);
        this.mode = params.get('mode') === 'compact' ? 'compact' : 'full';
        const region = (params.get('region') ?? '').toUpperCase();
        this.region = ['SMALL', 'MEDIUM', 'LARGE'].includes(region) ? region : undefined;
        // The preview's navigation stand-in records links instead of leaving the demo.
        window.addEventListener('axr-preview-navigate', (event) => {
            this.navigation = `In an org this opens ${event.detail.url}`;
        });
        previewRecords()
            .then(({ subjects, tables, description }) => {
                const records = {};
                for (const [table, rows] of Object.entries(tables)) {
                    if (table.endsWith('Share') || table.endsWith('__Share')) {
                        continue;
                    }
                    for (const row of rows) {
                        if (row.Id && (OBJECT_BY_PREFIX[row.Id.slice(0, 3)] || table.endsWith('__c'))) {
                            records[row.Id] = { object: table, name: recordName(row) };
                        }
                    }
                }
                this.records = records;
                this.description = description;
                const seen = new Set();
                this.scenarios = subjects
                    .filter((s) => records[s.recordId])
                    .map((s, index) => ({
                        label: s.title ?? `${s.userId} / ${s.recordId}`,
                        value: `${index}`,
                        recordId: s.recordId
                    }))
                    .filter((s) => (seen.has(s.label) ? false : seen.add(s.label)));
                const initial = params.get('recordId') ?? this.scenarios[0]?.recordId;
                this.select(initial);
            })
            .catch((error) => {
                this.error = error?.message ?? String(error);
            });
    }

    select(recordId) {
        const record = recordId ? this.records[recordId] : undefined;
        this.recordId = record ? recordId : undefined;
        this.objectApiName = record?.object;
    }

    get recordLabel() {
        const record = this.recordId ? this.records[this.recordId] : undefined;
        return record ? `${record.object}: ${record.name}` : '';
    }

    get recordOptions() {
        return Object.entries(this.records)
            .map(([id, r]) => ({ label: `${r.object} · ${r.name}`, value: id }))
            .sort((a, b) => a.label.localeCompare(b.label));
    }

    get isCompact() {
        return this.mode === 'compact';
    }

    get isSidebar() {
        return this.region === 'SMALL';
    }

    handleScenario(event) {
        const scenario = this.scenarios.find((s) => s.value === event.detail.value);
        this.select(scenario?.recordId);
    }

    handleRecord(event) {
        this.select(event.detail.value);
    }
}
