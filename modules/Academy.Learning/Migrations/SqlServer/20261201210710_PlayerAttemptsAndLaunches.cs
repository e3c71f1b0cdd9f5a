using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Academy.Learning.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PlayerAttemptsAndLaunches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LearningLaunches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EnrolmentId = table.Column<int>(type: "int", nullable: false),
                    SessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CredentialKey = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ProtectedAuthorization = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningLaunches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningLaunches_LearningEnrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "LearningEnrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearningQuizAttempts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EnrolmentId = table.Column<int>(type: "int", nullable: false),
                    LessonId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Answers = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ScoreRaw = table.Column<int>(type: "int", nullable: false),
                    ScoreMax = table.Column<int>(type: "int", nullable: false),
                    Passed = table.Column<bool>(type: "bit", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RecordedByServer = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningQuizAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningQuizAttempts_LearningEnrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "LearningEnrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LearningLaunches_EnrolmentId_EndedAt_ExpiresAt",
                table: "LearningLaunches",
                columns: new[] { "EnrolmentId", "EndedAt", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LearningQuizAttempts_EnrolmentId_LessonId_Number",
                table: "LearningQuizAttempts",
                columns: new[] { "EnrolmentId", "LessonId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LearningLaunches");

            migrationBuilder.DropTable(
                name: "LearningQuizAttempts");
        }
    }
}
