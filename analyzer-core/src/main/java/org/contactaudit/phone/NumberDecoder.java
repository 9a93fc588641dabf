package org.contactaudit.phone;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;

/** Phone numbers decided by a normalizer, memoized per distinct raw value. */
final class NumberDecoder implements PhoneDecoder {
  private static final long MISSING = Long.MIN_VALUE;

  private final PhoneNormalizer normalizer;
  private final Object2LongOpenHashMap<String> decided = new Object2LongOpenHashMap<>();

  NumberDecoder(PhoneNormalizer normalizer) {
    this.normalizer = normalizer;
    decided.defaultReturnValue(MISSING);
  }

  @Override
  public long decode(String raw) {
    long key = decided.getLong(raw);
    if (key == MISSING) {
      key = normalizer.normalize(raw);
      decided.put(raw, key);
    }
    return key;
  }

  @Override
  public String canonical(long key) {
    return PhoneNormalizer.e164(key);
  }

  @Override
  public PhoneMode mode() {
    return PhoneMode.NUMBERS;
  }

  @Override
  public int distinctRawValues() {
    return decided.size();
  }
}
