// Solved ALTCHA challenges for bench/bots.sh, one base64 payload per line, made offline with the
// service's key (what GET /api/challenge would hand out, solved as a client would), so that the POST
// benchmark spends its time on the service and not on fetching and solving challenges.
// Run with the JDK's single-file launcher: java bench/bots/Solutions.java KEY COUNT MAX_NUMBER EXPIRY_S OUT
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class Solutions {
    public static void main(String[] args) throws Exception {
        byte[] key = args[0].getBytes(StandardCharsets.UTF_8);
        int count = Integer.parseInt(args[1]);
        int maxNumber = Integer.parseInt(args[2]);
        long expires = System.currentTimeMillis() / 1000 + Long.parseLong(args[3]);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        SecureRandom random = new SecureRandom();
        HexFormat hex = HexFormat.of();
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[4]))) {
            for (int i = 0; i < count; i++) {
                byte[] saltBytes = new byte[12];
                random.nextBytes(saltBytes);
                String salt = hex.formatHex(saltBytes) + "?expires=" + expires + "&";
                int number = random.nextInt(maxNumber + 1);
                String challenge = hex.formatHex(sha.digest((salt + number).getBytes(StandardCharsets.UTF_8)));
                String signature = hex.formatHex(mac.doFinal(challenge.getBytes(StandardCharsets.US_ASCII)));
                String json = "{\"algorithm\":\"SHA-256\",\"challenge\":\"" + challenge + "\",\"number\":" + number
                        + ",\"salt\":\"" + salt + "\",\"signature\":\"" + signature + "\",\"took\":800}";
                out.write(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
                out.newLine();
            }
        }
    }
}
