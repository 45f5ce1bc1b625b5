package com.newsroom.comments.migration;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsroom.comments.common.Actors;
import com.newsroom.comments.common.OpenApiDocs;
import com.newsroom.comments.moderator.Moderator;
import com.newsroom.comments.problem.ApiException;

/** Imports from WordPress and Disqus, restores of backups, and their progress. Admins only. */
@Path("/api/moderation/imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Moderator.ROLE_ADMIN)
@Tag(name = "Migration")
@SecurityRequirement(name = OpenApiDocs.SESSION)
@SecurityRequirement(name = OpenApiDocs.BASIC)
@SecurityRequirement(name = OpenApiDocs.BEARER)
@APIResponse(responseCode = "401", description = "Not signed in (WWW-Authenticate says how)")
@APIResponse(responseCode = "403", description = "Signed in without the admin role")
public class ImportResource {

    static final String WXR_EXAMPLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://news.example.com</wp:base_site_url>
            <item><title>Budget 2026</title><link>https://news.example.com/budget-2026/</link>
            <wp:post_id>42</wp:post_id><wp:comment_status>open</wp:comment_status><wp:post_name>budget-2026</wp:post_name>
            <wp:comment><wp:comment_id>7</wp:comment_id><wp:comment_author><![CDATA[Hamdi Fırat Büyük]]></wp:comment_author>
            <wp:comment_author_email>hamdi@example.com</wp:comment_author_email><wp:comment_author_IP>203.0.113.7</wp:comment_author_IP>
            <wp:comment_date_gmt>2019-03-04 12:34:56</wp:comment_date_gmt><wp:comment_content><![CDATA[Teşekkürler!]]></wp:comment_content>
            <wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
            </item></channel></rss>""";

    static final String DISQUS_EXAMPLE = """
            <?xml version="1.0" encoding="utf-8"?>
            <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
            <category dsq:id="1"><forum>newsroom</forum><title>General</title><isDefault>true</isDefault></category>
            <thread dsq:id="7000001"><id>budget-2026</id><forum>newsroom</forum><category dsq:id="1"/>
            <link>https://news.example.com/budget-2026/</link><title>Budget 2026</title><createdAt>2019-03-04T10:00:00Z</createdAt>
            <isClosed>false</isClosed><isDeleted>false</isDeleted></thread>
            <post dsq:id="9000001"><id/><message><![CDATA[<p>Teşekkürler!</p>]]></message><createdAt>2019-03-04T12:34:56Z</createdAt>
            <isDeleted>false</isDeleted><isSpam>false</isSpam>
            <author><email>hamdi@example.com</email><name>Hamdi Fırat Büyük</name><isAnonymous>false</isAnonymous><username>hamdi</username></author>
            <ipAddress>203.0.113.7</ipAddress><thread dsq:id="7000001"/></post>
            <post dsq:id="9000002"><id/><message><![CDATA[<p>Agreed.</p>]]></message><createdAt>2019-03-04T13:00:00Z</createdAt>
            <isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>Reader</name><isAnonymous>true</isAnonymous></author>
            <thread dsq:id="7000001"/><parent dsq:id="9000001"/></post>
            </disqus>""";

    static final String JOB_EXAMPLE = """
            {"id": 7, "kind": "wordpress", "state": "RUNNING", "progress": 42.5, "bytesTotal": 10485760, "bytesRead": 4456448,
             "counts": {"articles": 12, "comments": {"APPROVED": 310, "PENDING": 4, "SPAM": 55}, "alreadyImported": 0,
                        "skipped": {"pingback": 7}, "orphans": 0, "errors": 1},
             "errors": [{"line": 1042, "message": "Comment 17: no valid wp:comment_date_gmt or wp:comment_date"}],
             "message": null, "options": "articleId=slug moderate=false", "actor": "admin",
             "createdAt": "2026-12-05T07:00:00Z", "updatedAt": "2026-12-05T07:00:03Z", "finishedAt": null}""";

    private final Imports imports;
    private final ObjectMapper json;

    public ImportResource(Imports imports, ObjectMapper json) {
        this.imports = imports;
        this.json = json;
    }

    @POST
    @Path("wordpress")
    @Consumes({ MediaType.APPLICATION_XML, MediaType.TEXT_XML, "application/rss+xml", MediaType.APPLICATION_OCTET_STREAM })
    @RequestBody(description = "The WXR file of Tools → Export in WordPress (WXR 1.0 to 1.2)", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_XML, examples = @ExampleObject(name = "wxr", value = WXR_EXAMPLE)))
    @Operation(summary = "Import a WordPress export", description = """
            Imports the comments of every post in the file, in the background: 202 with a Location to follow. \
            Idempotent (the same file twice, or an overlapping later export, adds nothing twice); no flood or \
            duplicate checks; original dates, threads and statuses kept (1 approved, 0 pending, spam, trash \
            rejected); pingbacks and trackbacks skipped and counted; a post's closed comments close its article. \
            A malformed file fails as a whole and leaves no comment behind.""")
    @APIResponse(responseCode = "202", description = "Received; the import runs in the background",
            headers = @Header(name = "Location", description = "The import's progress"),
            content = @Content(schema = @Schema(implementation = ImportJobView.class), examples = @ExampleObject(name = "job", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Unknown articleId choice, or the upload broke off")
    @APIResponse(responseCode = "409", description = "Another import is running")
    @APIResponse(responseCode = "413", description = "Larger than comments.imports.max-body (16G)")
    @APIResponse(responseCode = "415", description = "Not XML or a multipart upload")
    public Response wordpress(InputStream body,
            @Parameter(description = "Where each article id comes from: the post's slug (then its id where it has none), link, guid or post_id",
                    schema = @Schema(enumeration = { "slug", "link", "guid", "post_id" }, defaultValue = "slug")) @QueryParam("articleId") String articleId,
            @Parameter(description = "Run the moderation rules on the comments WordPress approved", schema = @Schema(defaultValue = "false"))
            @QueryParam("moderate") boolean moderate,
            @Context SecurityContext security) {
        ArticleIdSource source = articleIdSource(articleId);
        WxrReader reader = new WxrReader(source);
        ImportJobView job = imports.start("wordpress", "articleId=" + source.parameterValue() + " moderate=" + moderate,
                Actors.of(security), body, reader::read, moderate);
        return accepted(job);
    }

    @POST
    @Path("wordpress")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import a WordPress export uploaded as a form's file", description = "As the XML body, from a form field named file.")
    @APIResponse(responseCode = "202", description = "Received; the import runs in the background",
            headers = @Header(name = "Location", description = "The import's progress"),
            content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "400", description = "No file field, or an unknown articleId choice")
    @APIResponse(responseCode = "409", description = "Another import is running")
    @APIResponse(responseCode = "413", description = "Larger than quarkus.http.limits.max-body-size (4M): send a large file as the body")
    public Response wordpressForm(@RestForm("file") FileUpload file, @QueryParam("articleId") String articleId,
            @QueryParam("moderate") boolean moderate, @Context SecurityContext security) throws IOException {
        return fromUpload(file, "export", body -> wordpress(body, articleId, moderate, security));
    }

    @POST
    @Path("disqus")
    @Consumes({ MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM })
    @RequestBody(description = "The XML file of Disqus Admin → Moderation → Export (unzipped)", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_XML, examples = @ExampleObject(name = "disqus", value = DISQUS_EXAMPLE)))
    @Operation(summary = "Import a Disqus export", description = """
            Imports the posts of every thread in the file, in the background: 202 with a Location to follow. \
            Idempotent by Disqus post id (the same file twice, or an overlapping later export, adds nothing twice); \
            no flood or duplicate checks; original dates and threads kept; isSpam → spam, isDeleted → rejected, \
            others approved; a closed thread closes its article. Messages are HTML: stored as plain text \
            (paragraphs and line breaks kept, a link's address after its text). A malformed file fails as a \
            whole and leaves no comment behind.""")
    @APIResponse(responseCode = "202", description = "Received; the import runs in the background",
            headers = @Header(name = "Location", description = "The import's progress"),
            content = @Content(schema = @Schema(implementation = ImportJobView.class), examples = @ExampleObject(name = "job", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Unknown articleId choice, or the upload broke off")
    @APIResponse(responseCode = "409", description = "Another import is running")
    @APIResponse(responseCode = "413", description = "Larger than comments.imports.max-body (16G)")
    @APIResponse(responseCode = "415", description = "Not XML or a multipart upload")
    public Response disqus(InputStream body,
            @Parameter(description = "Where each article id comes from: the thread's identifier (disqus_identifier; its link where it has none) or its link",
                    schema = @Schema(enumeration = { "identifier", "link" }, defaultValue = "identifier")) @QueryParam("articleId") String articleId,
            @Parameter(description = "Run the moderation rules on the comments Disqus kept (neither spam nor deleted)", schema = @Schema(defaultValue = "false"))
            @QueryParam("moderate") boolean moderate,
            @Context SecurityContext security) {
        DisqusReader.ArticleIdChoice choice = DisqusReader.ArticleIdChoice.parse(articleId);
        if (choice == null) {
            throw ApiException.invalidField("articleId", "articleId must be identifier or link.");
        }
        DisqusReader reader = new DisqusReader(choice);
        ImportJobView job = imports.start("disqus", "articleId=" + choice.parameterValue() + " moderate=" + moderate,
                Actors.of(security), body, reader::read, moderate);
        return accepted(job);
    }

    @POST
    @Path("disqus")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import a Disqus export uploaded as a form's file", description = "As the XML body, from a form field named file.")
    @APIResponse(responseCode = "202", description = "Received; the import runs in the background",
            headers = @Header(name = "Location", description = "The import's progress"),
            content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "400", description = "No file field, or an unknown articleId choice")
    @APIResponse(responseCode = "409", description = "Another import is running")
    @APIResponse(responseCode = "413", description = "Larger than quarkus.http.limits.max-body-size (4M): send a large file as the body")
    public Response disqusForm(@RestForm("file") FileUpload file, @QueryParam("articleId") String articleId,
            @QueryParam("moderate") boolean moderate, @Context SecurityContext security) throws IOException {
        return fromUpload(file, "export", body -> disqus(body, articleId, moderate, security));
    }

    @POST
    @Path("backup")
    @Consumes({ ExportResource.NDJSON, "application/jsonl", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN })
    @RequestBody(description = "A file of GET /api/moderation/export", required = true,
            content = @Content(mediaType = ExportResource.NDJSON, examples = @ExampleObject(name = "backup", value = ExportResource.EXAMPLE)))
    @Operation(summary = "Restore a backup", description = """
            Restores the articles, comments (with their own ids, parents, statuses, moderators' decisions, reasons \
            and import sources) and reports of a backup, in the background: 202 with a Location to follow. Into an \
            empty database it gives back the same data; into one that holds some of it, what exists is kept as it \
            is (same id: counted as alreadyImported), so restoring twice adds nothing. A file that is not a backup, \
            a line that is not JSON, or a file cut off (no end line, or other counts) fails as a whole and leaves \
            nothing behind.""")
    @APIResponse(responseCode = "202", description = "Received; the restore runs in the background",
            headers = @Header(name = "Location", description = "The restore's progress"),
            content = @Content(schema = @Schema(implementation = ImportJobView.class), examples = @ExampleObject(name = "job", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The upload broke off")
    @APIResponse(responseCode = "409", description = "Another import is running")
    @APIResponse(responseCode = "413", description = "Larger than comments.imports.max-body (16G)")
    @APIResponse(responseCode = "415", description = "Not NDJSON or a multipart upload")
    public Response backup(InputStream body, @Context SecurityContext security) {
        BackupReader reader = new BackupReader(json);
        ImportJobView job = imports.start("backup", null, Actors.of(security), body, reader::read, false);
        return accepted(job);
    }

    @POST
    @Path("backup")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Restore a backup uploaded as a form's file", description = "As the NDJSON body, from a form field named file.")
    @APIResponse(responseCode = "202", description = "Received; the restore runs in the background",
            headers = @Header(name = "Location", description = "The restore's progress"),
            content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "400", description = "No file field")
    @APIResponse(responseCode = "409", description = "Another import is running")
    @APIResponse(responseCode = "413", description = "Larger than quarkus.http.limits.max-body-size (4M): send a large file as the body")
    public Response backupForm(@RestForm("file") FileUpload file, @Context SecurityContext security) throws IOException {
        return fromUpload(file, "backup", body -> backup(body, security));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An import's state, counts and progress")
    @APIResponse(responseCode = "200", description = "The import", content = @Content(schema = @Schema(implementation = ImportJobView.class),
            examples = @ExampleObject(name = "job", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such import")
    public ImportJobView get(@PathParam("id") long id) {
        return imports.find(id);
    }

    static ArticleIdSource articleIdSource(String value) {
        ArticleIdSource source = ArticleIdSource.parse(value);
        if (source == null) {
            throw ApiException.invalidField("articleId", "articleId must be slug, link, guid or post_id.");
        }
        return source;
    }

    /** Runs {@code start} on a form's uploaded {@code file}: the multipart variants answer as their body variants. */
    private static Response fromUpload(FileUpload file, String what, Function<InputStream, Response> start) throws IOException {
        if (file == null) {
            throw ApiException.invalidField("file", "Upload the " + what + " as the form field 'file'.");
        }
        try (InputStream body = Files.newInputStream(file.uploadedFile())) {
            return start.apply(body);
        }
    }

    static Response accepted(ImportJobView job) {
        return Response.accepted(job).location(URI.create("/api/moderation/imports/" + job.id())).build();
    }
}
