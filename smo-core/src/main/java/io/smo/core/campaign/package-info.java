/**
 * Campaigns for an organisation: named accounts, audience segments each with its own message, and
 * the {@link io.smo.core.campaign.CampaignPlanner} that turns them into one post per (segment,
 * target), validated offline before anything is sent.
 */
package io.smo.core.campaign;
