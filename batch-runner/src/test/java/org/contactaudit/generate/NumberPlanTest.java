package org.contactaudit.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.contactaudit.phone.PhoneNormalizer;
import org.junit.jupiter.api.Test;

class NumberPlanTest {
  @Test
  void cnNumbersAreValidMobileNumbersInEveryStyle() {
    NumberPlan plan = NumberPlan.forRegion("CN");
    PhoneNormalizer cn = PhoneNormalizer.libphonenumber("CN");
    assertEquals(9, plan.styles().length, "every style reads back for CN");
    SplittableRandom rng = new SplittableRandom(7);
    for (int i = 0; i < 200; i++) {
      long n = plan.numberAt(rng.nextLong(plan.capacity()));
      for (int style : plan.styles()) {
        assertEquals(n, cn.normalize(plan.format(n, style)), plan.format(n, style));
      }
    }
    assertEquals("+86 138 0013 8000", plan.format(8613800138000L, 5));
    assertEquals("138-0013-8000", plan.format(8613800138000L, 2));
    assertEquals("0086 138 0013 8000", plan.format(8613800138000L, 7));
    assertEquals("(138) 00138000", plan.format(8613800138000L, 3));
  }

  @Test
  void serviceNumbersAndJunkAreWhatTheyClaim() {
    NumberPlan plan = NumberPlan.forRegion("CN");
    PhoneNormalizer cn = PhoneNormalizer.libphonenumber("CN");
    assertEquals(12, plan.serviceNumbers.size());
    for (String s : plan.serviceNumbers) {
      assertEquals(PhoneNormalizer.SERVICE, cn.normalize(s), s);
    }
    assertFalse(plan.junk.isEmpty());
    for (String s : plan.junk) {
      assertEquals(PhoneNormalizer.INVALID, cn.normalize(s), s);
    }
  }

  @Test
  void otherRegionsGetCheckedNumbers() {
    NumberPlan plan = NumberPlan.forRegion("US");
    PhoneNormalizer us = PhoneNormalizer.libphonenumber("US");
    SplittableRandom rng = new SplittableRandom(7);
    int valid = 0;
    for (int i = 0; i < 200; i++) {
      long n = plan.numberAt(rng.nextLong(plan.capacity()));
      if (n >= 0) {
        valid++;
        for (int style : plan.styles()) {
          assertEquals(n, us.normalize(plan.format(n, style)), plan.format(n, style));
        }
      }
    }
    assertTrue(valid > 50, "valid " + valid);
    assertTrue(plan.styles().length >= 4);
  }
}
