using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Academy.Learning.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CohortsUploadsSelfAssessmentAndPackages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CompletedOn",
                table: "LearningProgress",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExpiresOn",
                table: "LearningProgress",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LearningCohortDigests",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    WeekOf = table.Column<DateOnly>(type: "date", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningCohortDigests", x => new { x.UserId, x.WeekOf });
                });

            migrationBuilder.CreateTable(
                name: "LearningCohorts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TrustOdsCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningCohorts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LearningEnrolmentGrants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EnrolmentId = table.Column<int>(type: "int", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CohortId = table.Column<int>(type: "int", nullable: true),
                    GrantedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningEnrolmentGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningEnrolmentGrants_LearningEnrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "LearningEnrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearningEnrolmentUploads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UploadedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    TrustOdsCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ContentHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RowCount = table.Column<int>(type: "int", nullable: false),
                    Processed = table.Column<int>(type: "int", nullable: false),
                    Enrolled = table.Column<int>(type: "int", nullable: false),
                    AlreadyEnrolled = table.Column<int>(type: "int", nullable: false),
                    Skipped = table.Column<int>(type: "int", nullable: false),
                    QueuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AppliedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningEnrolmentUploads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LearningPackages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CourseId = table.Column<int>(type: "int", nullable: false),
                    Format = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    PublisherId = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Folder = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    FileBytes = table.Column<long>(type: "bigint", nullable: false),
                    ImportedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningPackages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningPackages_LearningCourses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "LearningCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearningPackageSatisfactions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EnrolmentId = table.Column<int>(type: "int", nullable: false),
                    ActivityId = table.Column<string>(type: "nvarchar(800)", maxLength: 800, nullable: false),
                    StatementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SatisfiedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningPackageSatisfactions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningPackageSatisfactions_LearningEnrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "LearningEnrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearningReminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Courses = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningReminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LearningSelfAssessmentAttempts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Registration = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    TrustOdsCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    CompletedStatementId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningSelfAssessmentAttempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LearningCohortCourses",
                columns: table => new
                {
                    CohortId = table.Column<int>(type: "int", nullable: false),
                    CourseId = table.Column<int>(type: "int", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DueDaysAfterJoining = table.Column<int>(type: "int", nullable: true),
                    AddedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningCohortCourses", x => new { x.CohortId, x.CourseId });
                    table.ForeignKey(
                        name: "FK_LearningCohortCourses_LearningCohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "LearningCohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LearningCohortCourses_LearningCourses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "LearningCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LearningCohortLeads",
                columns: table => new
                {
                    CohortId = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningCohortLeads", x => new { x.CohortId, x.UserId });
                    table.ForeignKey(
                        name: "FK_LearningCohortLeads_LearningCohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "LearningCohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearningCohortMembers",
                columns: table => new
                {
                    CohortId = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningCohortMembers", x => new { x.CohortId, x.UserId });
                    table.ForeignKey(
                        name: "FK_LearningCohortMembers_LearningCohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "LearningCohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearningEnrolmentUploadRows",
                columns: table => new
                {
                    UploadId = table.Column<int>(type: "int", nullable: false),
                    Line = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Email = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    CourseId = table.Column<int>(type: "int", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningEnrolmentUploadRows", x => new { x.UploadId, x.Line });
                    table.ForeignKey(
                        name: "FK_LearningEnrolmentUploadRows_LearningEnrolmentUploads_UploadId",
                        column: x => x.UploadId,
                        principalTable: "LearningEnrolmentUploads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearningPackageBlocks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PackageId = table.Column<int>(type: "int", nullable: false),
                    ParentBlockId = table.Column<int>(type: "int", nullable: true),
                    Position = table.Column<int>(type: "int", nullable: false),
                    PublisherId = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningPackageBlocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningPackageBlocks_LearningPackageBlocks_ParentBlockId",
                        column: x => x.ParentBlockId,
                        principalTable: "LearningPackageBlocks",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_LearningPackageBlocks_LearningPackages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "LearningPackages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearningSelfAssessmentRatings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AttemptId = table.Column<int>(type: "int", nullable: false),
                    StatementKey = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    Domain = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Now = table.Column<int>(type: "int", nullable: false),
                    Need = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningSelfAssessmentRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningSelfAssessmentRatings_LearningSelfAssessmentAttempts_AttemptId",
                        column: x => x.AttemptId,
                        principalTable: "LearningSelfAssessmentAttempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearningPackageAus",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PackageId = table.Column<int>(type: "int", nullable: false),
                    LessonId = table.Column<int>(type: "int", nullable: false),
                    BlockId = table.Column<int>(type: "int", nullable: true),
                    PublisherId = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Url = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    MoveOn = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    MasteryScore = table.Column<decimal>(type: "decimal(9,6)", precision: 9, scale: 6, nullable: true),
                    LaunchMethod = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    LaunchParameters = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    EntitlementKey = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ActivityType = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    TrackedActivityId = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningPackageAus", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningPackageAus_LearningLessons_LessonId",
                        column: x => x.LessonId,
                        principalTable: "LearningLessons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LearningPackageAus_LearningPackageBlocks_BlockId",
                        column: x => x.BlockId,
                        principalTable: "LearningPackageBlocks",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_LearningPackageAus_LearningPackages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "LearningPackages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearningCmi5Sessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EnrolmentId = table.Column<int>(type: "int", nullable: false),
                    AuId = table.Column<int>(type: "int", nullable: false),
                    SessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LaunchMode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    FetchTokenHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    FetchedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CredentialKey = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ProtectedAuthorization = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    LaunchedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningCmi5Sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningCmi5Sessions_LearningEnrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "LearningEnrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LearningCmi5Sessions_LearningPackageAus_AuId",
                        column: x => x.AuId,
                        principalTable: "LearningPackageAus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LearningCmi5Sessions_AuId",
                table: "LearningCmi5Sessions",
                column: "AuId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningCmi5Sessions_EnrolmentId_EndedAt",
                table: "LearningCmi5Sessions",
                columns: new[] { "EnrolmentId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LearningCmi5Sessions_FetchTokenHash",
                table: "LearningCmi5Sessions",
                column: "FetchTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearningCmi5Sessions_SessionId",
                table: "LearningCmi5Sessions",
                column: "SessionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearningCohortCourses_CourseId",
                table: "LearningCohortCourses",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningCohortMembers_UserId",
                table: "LearningCohortMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningCohorts_TrustOdsCode_Name",
                table: "LearningCohorts",
                columns: new[] { "TrustOdsCode", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearningEnrolmentGrants_CohortId",
                table: "LearningEnrolmentGrants",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningEnrolmentGrants_EnrolmentId_Source_CohortId",
                table: "LearningEnrolmentGrants",
                columns: new[] { "EnrolmentId", "Source", "CohortId" });

            migrationBuilder.CreateIndex(
                name: "IX_LearningEnrolmentUploads_UploadedBy_ContentHash",
                table: "LearningEnrolmentUploads",
                columns: new[] { "UploadedBy", "ContentHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearningPackageAus_BlockId",
                table: "LearningPackageAus",
                column: "BlockId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningPackageAus_LessonId",
                table: "LearningPackageAus",
                column: "LessonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearningPackageAus_PackageId",
                table: "LearningPackageAus",
                column: "PackageId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningPackageBlocks_PackageId_Position",
                table: "LearningPackageBlocks",
                columns: new[] { "PackageId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_LearningPackageBlocks_ParentBlockId",
                table: "LearningPackageBlocks",
                column: "ParentBlockId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningPackages_CourseId",
                table: "LearningPackages",
                column: "CourseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearningPackageSatisfactions_EnrolmentId_ActivityId",
                table: "LearningPackageSatisfactions",
                columns: new[] { "EnrolmentId", "ActivityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearningReminders_UserId_SentOn",
                table: "LearningReminders",
                columns: new[] { "UserId", "SentOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearningSelfAssessmentAttempts_Draft",
                table: "LearningSelfAssessmentAttempts",
                column: "UserId",
                unique: true,
                filter: "\"SubmittedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_LearningSelfAssessmentAttempts_Registration",
                table: "LearningSelfAssessmentAttempts",
                column: "Registration",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearningSelfAssessmentAttempts_TrustOdsCode_UserId",
                table: "LearningSelfAssessmentAttempts",
                columns: new[] { "TrustOdsCode", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_LearningSelfAssessmentAttempts_UserId_SubmittedAt",
                table: "LearningSelfAssessmentAttempts",
                columns: new[] { "UserId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LearningSelfAssessmentRatings_AttemptId_StatementKey",
                table: "LearningSelfAssessmentRatings",
                columns: new[] { "AttemptId", "StatementKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LearningCmi5Sessions");

            migrationBuilder.DropTable(
                name: "LearningCohortCourses");

            migrationBuilder.DropTable(
                name: "LearningCohortDigests");

            migrationBuilder.DropTable(
                name: "LearningCohortLeads");

            migrationBuilder.DropTable(
                name: "LearningCohortMembers");

            migrationBuilder.DropTable(
                name: "LearningEnrolmentGrants");

            migrationBuilder.DropTable(
                name: "LearningEnrolmentUploadRows");

            migrationBuilder.DropTable(
                name: "LearningPackageSatisfactions");

            migrationBuilder.DropTable(
                name: "LearningReminders");

            migrationBuilder.DropTable(
                name: "LearningSelfAssessmentRatings");

            migrationBuilder.DropTable(
                name: "LearningPackageAus");

            migrationBuilder.DropTable(
                name: "LearningCohorts");

            migrationBuilder.DropTable(
                name: "LearningEnrolmentUploads");

            migrationBuilder.DropTable(
                name: "LearningSelfAssessmentAttempts");

            migrationBuilder.DropTable(
                name: "LearningPackageBlocks");

            migrationBuilder.DropTable(
                name: "LearningPackages");

            migrationBuilder.DropColumn(
                name: "CompletedOn",
                table: "LearningProgress");

            migrationBuilder.DropColumn(
                name: "ExpiresOn",
                table: "LearningProgress");
        }
    }
}
