package io.langop.console.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two versions of a file (a longest common subsequence of lines): what was kept, removed and added,
 * in order. Agent code is a few hundred lines; beyond {@link #MAX_LINES} a side is compared as removed and added
 * whole rather than spending quadratic time on it.
 */
final class LineDiff {

    static final int MAX_LINES = 4000;

    enum Change {
        KEPT,
        REMOVED,
        ADDED
    }

    record Line(Change change, String text) {}

    private LineDiff() {}

    static List<Line> of(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        if (a.size() > MAX_LINES || b.size() > MAX_LINES) {
            List<Line> whole = new ArrayList<>();
            a.forEach(line -> whole.add(new Line(Change.REMOVED, line)));
            b.forEach(line -> whole.add(new Line(Change.ADDED, line)));
            return whole;
        }
        // common[i][j]: the longest common subsequence of a[i..] and b[j..]
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> diff = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                diff.add(new Line(Change.KEPT, a.get(i)));
                i++;
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                diff.add(new Line(Change.REMOVED, a.get(i++)));
            } else {
                diff.add(new Line(Change.ADDED, b.get(j++)));
            }
        }
        while (i < a.size()) {
            diff.add(new Line(Change.REMOVED, a.get(i++)));
        }
        while (j < b.size()) {
            diff.add(new Line(Change.ADDED, b.get(j++)));
        }
        return diff;
    }

    /** The lines of a text; a final line break ends the last line rather than starting an empty one. */
    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\r?\n"));
    }
}
