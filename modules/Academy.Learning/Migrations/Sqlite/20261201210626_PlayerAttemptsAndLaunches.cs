using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Academy.Learning.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnrolmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CredentialKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProtectedAuthorization = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnrolmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    LessonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Answers = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ScoreRaw = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoreMax = table.Column<int>(type: "INTEGER", nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByServer = table.Column<bool>(type: "INTEGER", nullable: false)
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
