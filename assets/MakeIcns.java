import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes assets/burrow.icns from the PNGs in assets/png. Run once from the repository root with
 * {@code java assets/MakeIcns.java}; ImageMagick 6 cannot write icns. An icns file is the tag
 * "icns", its total length, then entries of a four-letter type, their length and a PNG.
 */
public final class MakeIcns {

    public static void main(String[] args) throws IOException {
        Map<String, Integer> entries = new LinkedHashMap<>();
        entries.put("icp4", 16);
        entries.put("icp5", 32);
        entries.put("icp6", 64);
        entries.put("ic07", 128);
        entries.put("ic08", 256);
        entries.put("ic09", 512);
        entries.put("ic10", 1024); // 512@2x
        entries.put("ic11", 32);   // 16@2x
        entries.put("ic12", 64);   // 32@2x
        entries.put("ic13", 256);  // 128@2x
        entries.put("ic14", 512);  // 256@2x

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        for (Map.Entry<String, Integer> e : entries.entrySet()) {
            byte[] png = Files.readAllBytes(Path.of("assets/png/burrow-" + e.getValue() + ".png"));
            out.writeBytes(e.getKey());
            out.writeInt(png.length + 8);
            out.write(png);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(file);
        header.writeBytes("icns");
        header.writeInt(body.size() + 8);
        body.writeTo(file);
        Files.write(Path.of("assets/burrow.icns"), file.toByteArray());
        System.out.println("assets/burrow.icns: " + file.size() + " bytes, " + entries.size() + " entries");
    }
}
