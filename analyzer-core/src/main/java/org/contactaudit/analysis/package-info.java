/**
 * The analyses of docs/ANALYSES.md over the same frozen graph and consents: {@link
 * org.contactaudit.analysis.ShadowProfiles}, {@link org.contactaudit.analysis.DefaultExposure} and
 * the what-if {@link org.contactaudit.analysis.Simulator} of the {@link
 * org.contactaudit.analysis.Strategy strategies}, with the probe attack. Every verdict comes from
 * {@link org.contactaudit.audit.Auditor} and {@link org.contactaudit.audit.Rules}; the definitions
 * chosen where the rules are silent are in {@code docs/ANALYSES.md}.
 */
package org.contactaudit.analysis;
