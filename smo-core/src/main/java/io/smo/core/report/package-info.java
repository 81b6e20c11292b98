/**
 * Campaign measurement: the record of what a campaign published ({@link
 * io.smo.core.report.CampaignResults}), snapshots of every target's metrics ({@link
 * io.smo.core.report.CampaignReporter}) and the report rolled up per platform, account, segment and
 * in total, exported as JSON, CSV and a self-contained HTML page ({@link
 * io.smo.core.report.CampaignReport}).
 */
@SmoPublicApi
package io.smo.core.report;

import io.smo.core.SmoPublicApi;
