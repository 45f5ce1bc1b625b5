package com.newsroom.comments.comment.pages;

/** Whether a request's {@code Accept-Encoding} allows a gzipped answer (RFC 9110, section 12.5.3). */
public final class Gzip {

    public static final String CODING = "gzip";

    private Gzip() {
    }

    /** gzip (or x-gzip) listed with a non-zero weight, or {@code *} with a non-zero weight and gzip not refused. */
    public static boolean accepted(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isEmpty()) {
            return false;
        }
        Boolean gzip = null;
        boolean any = false;
        for (String item : acceptEncoding.split(",")) {
            int semicolon = item.indexOf(';');
            String coding = (semicolon < 0 ? item : item.substring(0, semicolon)).strip();
            boolean allowed = semicolon < 0 || weight(item.substring(semicolon + 1)) > 0;
            if (coding.equalsIgnoreCase("gzip") || coding.equalsIgnoreCase("x-gzip")) {
                gzip = allowed;
            } else if (coding.equals("*")) {
                any = allowed;
            }
        }
        return gzip != null ? gzip : any;
    }

    private static double weight(String parameters) {
        for (String parameter : parameters.split(";")) {
            String p = parameter.strip();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    return Double.parseDouble(p.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
