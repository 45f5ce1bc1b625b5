package com.newsroom.comments.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Proof-of-work challenges fetched from a service and solved as the widget solves them. */
public final class Challenges {

    private Challenges() {
    }

    /** A challenge from {@code api} (GET /api/challenge), solved: the ALTCHA payload for the altcha field. */
    public static String solved(RequestSpecification api) {
        JsonPath c = api.when().get("/api/challenge").then().statusCode(200).extract().jsonPath();
        return solve(c.getString("algorithm"), c.getString("challenge"), c.getLong("maxnumber"), c.getString("salt"),
                c.getString("signature"));
    }

    /** The base64 JSON the ALTCHA widget sends: the number n whose SHA-256 hex of salt + n is the challenge. */
    public static String solve(String algorithm, String challenge, long maxNumber, String salt, String signature) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (long n = 0; n <= maxNumber; n++) {
            String hash = HexFormat.of().formatHex(sha256.digest((salt + n).getBytes(StandardCharsets.UTF_8)));
            if (hash.equals(challenge)) {
                String json = "{\"algorithm\":\"" + algorithm + "\",\"challenge\":\"" + challenge + "\",\"number\":" + n
                        + ",\"salt\":\"" + salt + "\",\"signature\":\"" + signature + "\",\"took\":1}";
                return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        throw new AssertionError("challenge without a solution up to " + maxNumber);
    }
}
