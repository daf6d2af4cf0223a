package yoriai.http;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import yoriai.account.Permission;
import yoriai.casefile.Case;
import yoriai.casefile.CaseService;
import yoriai.casefile.CaseSheet;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;

/** {@code /api/v1/cases}: case sheets of the caller's organization and their lifecycle. */
final class CaseRoutes {
  /** Takes its own multipart body (a file), so the API's JSON body handler leaves it alone. */
  static final String IMPORT = "/api/v1/cases/import";
  private static final long MULTIPART_OVERHEAD = 16 * 1024;

  private final CaseService cases;
  /** Where an upload waits until its response ends; it is deleted then, refused or not. */
  private final Path uploads;

  CaseRoutes(CaseService cases, Path uploads) {
    this.cases = cases;
    this.uploads = uploads;
  }

  void mount(Router router) {
    router.post("/api/v1/cases").handler(Authentication.require(Permission.CREATE_CASES)).handler(this::create);
    router.get("/api/v1/cases").handler(Authentication.require(Permission.SIGNED_IN)).handler(this::list);
    // before ":id", which would read "template.xlsx" as an id
    router.get("/api/v1/cases/template.xlsx").handler(Authentication.require(Permission.CREATE_CASES))
        .handler(ctx -> Xlsx.send(ctx, CaseTemplate.FILE_NAME, "yoriai-case-template.xlsx", CaseTemplate::write));
    // the permission first, on a route of its own (a body handler must lead its route): no upload is read before it
    router.post(IMPORT).handler(Authentication.require(Permission.CREATE_CASES));
    router.post(IMPORT).handler(BodyHandler.create(uploads.toString()).setBodyLimit(CaseImport.MAX_BYTES + MULTIPART_OVERHEAD)
            .setDeleteUploadedFilesOnEnd(true))
        .handler(this::importSheet);
    router.get("/api/v1/cases/:id").handler(Authentication.require(Permission.SIGNED_IN))
        .handler(ctx -> reply(ctx, cases.get(ctx.pathParam("id"), Authentication.account(ctx))));
    router.put("/api/v1/cases/:id").handler(Authentication.require(Permission.CREATE_CASES))
        .handler(ctx -> reply(ctx, cases.update(ctx.pathParam("id"), Bodies.read(ctx, CaseSheet.class),
            Authentication.account(ctx))));
    router.post("/api/v1/cases/:id/submit").handler(Authentication.require(Permission.CREATE_CASES))
        .handler(ctx -> reply(ctx, cases.submit(ctx.pathParam("id"), Authentication.account(ctx))));
    router.post("/api/v1/cases/:id/withdraw").handler(Authentication.require(Permission.CREATE_CASES))
        .handler(ctx -> reply(ctx, cases.withdraw(ctx.pathParam("id"), Authentication.account(ctx))));
  }

  private void create(RoutingContext ctx) {
    cases.create(Bodies.read(ctx, CaseSheet.class), Authentication.account(ctx))
        .onSuccess(created -> {
          ctx.response().putHeader("Location", "/api/v1/cases/" + created.id());
          Bodies.json(ctx, 201, created);
        })
        .onFailure(ctx::fail);
  }

  /**
   * A filled 事例提出シート becomes a draft exactly as {@code POST /api/v1/cases} would make it, the
   * same validation and PII check, with refusals named by cell.
   */
  private void importSheet(RoutingContext ctx) {
    List<FileUpload> uploads = ctx.fileUploads();
    if (uploads.size() != 1) {
      ctx.fail(new Failure(FailureKind.INVALID, "file_required", "Send one .xlsx file as multipart/form-data"));
      return;
    }
    FileUpload upload = uploads.get(0);
    if (upload.size() > CaseImport.MAX_BYTES) {
      ctx.fail(new Failure(FailureKind.PAYLOAD_TOO_LARGE, "file_too_large", "The file is larger than 2 MiB"));
      return;
    }
    ctx.vertx().fileSystem().readFile(upload.uploadedFileName())
        .compose(content -> ctx.vertx().executeBlocking(() -> CaseImport.read(content.getBytes()), false))
        .compose(parsed -> cases.create(parsed.sheet(), Authentication.account(ctx))
            .recover(refused -> Future.failedFuture(CaseImport.inCells(refused, parsed))))
        .onSuccess(created -> {
          ctx.response().putHeader("Location", "/api/v1/cases/" + created.id());
          Bodies.json(ctx, 201, created);
        })
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    cases.list(Authentication.account(ctx), QueryParams.of(ctx).text("state"))
        .onSuccess(list -> Bodies.json(ctx, 200, Map.of("cases", list)))
        .onFailure(ctx::fail);
  }

  private static void reply(RoutingContext ctx, Future<Case> result) {
    result.onSuccess(c -> Bodies.json(ctx, 200, c)).onFailure(ctx::fail);
  }
}
