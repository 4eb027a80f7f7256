package dev.inngest.jaxrs;

import static dev.inngest.testkit.CallBody.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.inngest.function.FunctionOptions;
import dev.inngest.json.JsonMapper;
import dev.inngest.signature.RequestSigner;
import dev.inngest.signature.SigningKey;
import dev.inngest.testkit.Harness;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JAX-RS door on a real JAX-RS runtime (Jersey on the JDK HTTP server), over real HTTP. */
class InngestResourceTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer server;

    private URI serve(Harness app) {
        app.inngest.createFunction(FunctionOptions.builder("hello").triggerEvent("test/hello").build(),
                (ctx, step) -> step.run("greet", String.class, () -> "hi " + ctx.event().data().getString("id")));
        server = JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/api/"),
                new ResourceConfig().registerInstances(new InngestResource(app.inngest)));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/inngest");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void introspectionAndACallOverHttp() throws Exception {
        URI url = serve(Harness.dev());
        HttpResponse<String> get = send(HttpRequest.newBuilder(url).GET());
        assertEquals(200, get.statusCode());
        assertEquals("application/json", get.headers().firstValue("Content-Type").orElse(""));
        assertEquals("2", get.headers().firstValue("X-Inngest-Req-Version").orElse(""));
        assertEquals(1, ((JsonObject) JsonMapper.parse(get.body())).getInt("function_count"));

        HttpResponse<String> post = send(HttpRequest.newBuilder(URI.create(url + "?fnId=my-app-hello&stepId=step"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(call().build())));
        assertEquals(206, post.statusCode(), post.body());
        JsonObject op = ((JsonArray) JsonMapper.parse(post.body())).getJsonObject(0);
        assertEquals("hi abc", op.getString("data"));
        assertTrue(post.headers().firstValue("X-Inngest-SDK").orElse("").startsWith("inngest-jakarta:v"));
    }

    @Test
    void signaturesAreCheckedOverTheExactBytesReceived() throws Exception {
        Harness cloud = Harness.cloud();
        URI url = serve(cloud);
        // not canonical JSON on purpose: a framework that re-serialized the body would break the signature
        String body = call().build().replace("{\"ctx\":", "{ \"ctx\" :");
        // signed hours after the app's fixed clock: outside the five minutes a signature is valid
        String lateSig = RequestSigner.sign(body.getBytes(StandardCharsets.UTF_8), SigningKey.of(Harness.SIGNING_KEY),
                Harness.NOW.plusSeconds(6 * 3600));
        HttpRequest.Builder signedLate = HttpRequest.newBuilder(URI.create(url + "?fnId=my-app-hello&stepId=step"))
                .header("Content-Type", "application/json").header("X-Inngest-Signature", lateSig)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        String fixedSig = RequestSigner.sign(body.getBytes(StandardCharsets.UTF_8), SigningKey.of(Harness.SIGNING_KEY),
                Harness.NOW);
        HttpResponse<String> ok = send(HttpRequest.newBuilder(URI.create(url + "?fnId=my-app-hello&stepId=step"))
                .header("Content-Type", "application/json").header("X-Inngest-Signature", fixedSig)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(206, ok.statusCode(), ok.body());
        String responseSig = ok.headers().firstValue("X-Inngest-Signature").orElseThrow();
        assertTrue(RequestSigner.verify(responseSig, ok.body().getBytes(StandardCharsets.UTF_8),
                List.of(SigningKey.of(Harness.SIGNING_KEY)), Harness.NOW).isPresent());

        HttpResponse<String> stale = send(signedLate);
        assertEquals(401, stale.statusCode());
        assertEquals("{\"message\":\"Unauthorized\"}", stale.body());
    }
}
