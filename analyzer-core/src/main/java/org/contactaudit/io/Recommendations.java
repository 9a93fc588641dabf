package org.contactaudit.io;

/**
 * The accepted recommendations of a run, in input order, in parallel primitive arrays: 28 bytes a
 * recommendation plus the shared surface and explanation strings. Immutable.
 */
public final class Recommendations {
  private final int[] viewers;
  private final int[] candidates;
  private final long[] shownAt;
  private final long[] lines;
  private final String[] surfaces;
  private final String[] explanations;

  Recommendations(
      int[] viewers,
      int[] candidates,
      long[] shownAt,
      long[] lines,
      String[] surfaces,
      String[] explanations) {
    this.viewers = viewers;
    this.candidates = candidates;
    this.shownAt = shownAt;
    this.lines = lines;
    this.surfaces = surfaces;
    this.explanations = explanations;
  }

  /** How many were accepted. */
  public int size() {
    return viewers.length;
  }

  /** The viewer's account id of recommendation {@code i}. */
  public int viewer(int i) {
    return viewers[i];
  }

  /** The candidate's account id of recommendation {@code i}. */
  public int candidate(int i) {
    return candidates[i];
  }

  /**
   * The instant recommendation {@code i} was shown, or {@link org.contactaudit.time.Times#ALWAYS}
   * when the input did not say: then it is judged at the run's as-of time.
   */
  public long shownAt(int i) {
    return shownAt[i];
  }

  /** The line of recommendations.csv where recommendation {@code i} starts. */
  public long line(int i) {
    return lines[i];
  }

  /** The surface it was shown on, or an empty string. */
  public String surface(int i) {
    return surfaces[i];
  }

  /** The explanation the app gave, or an empty string. */
  public String explanation(int i) {
    return explanations[i];
  }
}
