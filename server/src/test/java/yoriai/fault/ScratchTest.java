package yoriai.fault;

import java.nio.file.*;
import org.junit.jupiter.api.Test;
import yoriai.testing.*;

class ScratchTest {
  @Test
  void scratch() throws Exception {
    Path parent = Files.createTempDirectory("yoriai-scratch-");
    Path data = parent.resolve("data");
    SmallDisk disk = SmallDisk.mount(data, "40m");
    try (TestServer server = TestServer.startIn(data, java.util.Map.of())) {
      Api api = server.api();
      var host = server.municipality("host");
      String meetingId = Meetings.open(api, host.token());
      try (WsClient c = WsClient.joined(server.baseUrl(), meetingId, host.token(), null)) {
        for (int i = 0; i < 5; i++) System.out.println("post " + c.reply(c.command("post", Json.object().put("text", "p" + i))));
        disk.fill();
        System.out.println("create while full " + api.post("/api/v1/accounts", server.adminToken(), ServerProcess.municipalityAccount("b@x.jp").toString()).body());
        System.out.println("post while full " + c.reply(c.command("post", Json.object().put("text", "full"))));
      }
      for (int i = 0; i < 5; i++) {
        System.out.println("events " + api.get("/api/v1/meetings/" + meetingId + "/events?after=0", host.token()).body().substring(0, 100));
        Thread.sleep(1000);
      }
      disk.free();
      Thread.sleep(3000);
    } finally {
      disk.close();
    }
  }
}
