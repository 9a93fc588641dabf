package org.contactaudit.audit;

/**
 * What the explanation an app gave with a recommendation ("in your contacts", "3 mutual contacts")
 * says about the evidence at the instant it was shown.
 */
public enum ExplanationVerdict {
  /** True, and consensual evidence alone makes it true. */
  SUPPORTED,
  /** True only counting non-consensual evidence: telling it discloses that evidence. */
  DISCLOSES,
  /** Not true even counting every piece of evidence. */
  FALSE,
  /** Not one of the explanations this analyzer knows; the recommendation is still judged. */
  UNRECOGNIZED
}
