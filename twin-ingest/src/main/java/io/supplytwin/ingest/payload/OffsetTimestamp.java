package io.supplytwin.ingest.payload;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 timestamps with an offset ({@code 2026-01-05T10:15:30.250Z}, {@code 2026-01-05T12:15:30+02:00}), as
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} reads them. The usual shape is read by hand, because the formatter
 * costs as much as a tenth of decoding a 100-value reading; anything else (or anything the hand-reader doubts) goes
 * to the formatter, so both accept and reject the same strings.
 */
final class OffsetTimestamp {

    private OffsetTimestamp() {
    }

    /** @throws java.time.format.DateTimeParseException when it is not an ISO-8601 date-time with offset */
    static Instant parse(String s) {
        Instant fast = fast(s);
        return fast != null ? fast : DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(s, Instant::from);
    }

    /** {@code yyyy-MM-ddTHH:mm[:ss[.f{1,9}]](Z|±HH:mm)}, or null to leave it to the formatter. */
    private static Instant fast(String s) {
        int n = s.length();
        if (n < 17 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int i = 16;
        int second = 0;
        int nanos = 0;
        if (i < n && s.charAt(i) == ':') {
            second = digits(s, i + 1, 2);
            i += 3;
            if (i < n && s.charAt(i) == '.') {
                int start = ++i;
                while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                    nanos = nanos * 10 + (s.charAt(i++) - '0');
                }
                if (i == start || (i < n && isDigit(s.charAt(i)))) {
                    return null;
                }
                for (int k = i - start; k < 9; k++) {
                    nanos *= 10;
                }
            }
        }
        if ((year | month | day | hour | minute | second) < 0 || i >= n) {
            return null;
        }
        int offsetSeconds;
        char sign = s.charAt(i);
        if (sign == 'Z' && i + 1 == n) {
            offsetSeconds = 0;
        } else if ((sign == '+' || sign == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if ((oh | om) < 0 || oh > 18 || om > 59) {
                return null;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (sign == '-' ? -1 : 1);
        } else {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            long secondOfDay = LocalTime.of(hour, minute, second).toSecondOfDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + secondOfDay - ZoneOffset.ofTotalSeconds(offsetSeconds).getTotalSeconds(), nanos);
        } catch (DateTimeException e) {
            return null; // e.g. 2026-02-30: the formatter gives the precise rejection
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int k = from; k < from + count; k++) {
            if (k >= s.length() || !isDigit(s.charAt(k))) {
                return -1;
            }
            v = v * 10 + (s.charAt(k) - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
