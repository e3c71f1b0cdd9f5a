using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Academy.Learning.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Packages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                    ActivityId = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LearningCmi5Sessions");

            migrationBuilder.DropTable(
                name: "LearningPackageSatisfactions");

            migrationBuilder.DropTable(
                name: "LearningPackageAus");

            migrationBuilder.DropTable(
                name: "LearningPackageBlocks");

            migrationBuilder.DropTable(
                name: "LearningPackages");
        }
    }
}
