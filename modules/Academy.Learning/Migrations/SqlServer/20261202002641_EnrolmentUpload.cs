using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Academy.Learning.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EnrolmentUpload : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_LearningEnrolmentUploads_UploadedBy_ContentHash",
                table: "LearningEnrolmentUploads",
                columns: new[] { "UploadedBy", "ContentHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearningReminders_UserId_SentOn",
                table: "LearningReminders",
                columns: new[] { "UserId", "SentOn" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LearningEnrolmentUploadRows");

            migrationBuilder.DropTable(
                name: "LearningReminders");

            migrationBuilder.DropTable(
                name: "LearningEnrolmentUploads");
        }
    }
}
