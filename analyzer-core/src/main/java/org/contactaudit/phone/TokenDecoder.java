package org.contactaudit.phone;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.util.ArrayList;
import java.util.List;

/** Opaque tokens, trimmed and interned to dense ids in order of first appearance. */
final class TokenDecoder implements PhoneDecoder {
  private final Object2LongOpenHashMap<String> ids = new Object2LongOpenHashMap<>();
  private final List<String> tokens = new ArrayList<>();

  TokenDecoder() {
    ids.defaultReturnValue(-1);
  }

  @Override
  public long decode(String raw) {
    String token = raw == null ? "" : raw.strip();
    if (token.isEmpty()) {
      return PhoneNormalizer.INVALID;
    }
    long id = ids.getLong(token);
    if (id < 0) {
      id = tokens.size();
      ids.put(token, id);
      tokens.add(token);
    }
    return id;
  }

  @Override
  public String canonical(long key) {
    return tokens.get(Math.toIntExact(key));
  }

  @Override
  public PhoneMode mode() {
    return PhoneMode.TOKENS;
  }

  @Override
  public int distinctRawValues() {
    return tokens.size();
  }
}
