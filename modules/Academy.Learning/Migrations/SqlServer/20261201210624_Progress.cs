using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Academy.Learning.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Progress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LearningLessonProgress",
                columns: table => new
                {
                    EnrolmentId = table.Column<int>(type: "int", nullable: false),
                    LessonSlug = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ScoreScaled = table.Column<double>(type: "float", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningLessonProgress", x => new { x.EnrolmentId, x.LessonSlug });
                    table.ForeignKey(
                        name: "FK_LearningLessonProgress_LearningEnrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "LearningEnrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearningProgress",
                columns: table => new
                {
                    EnrolmentId = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ScoreScaled = table.Column<double>(type: "float", nullable: true),
                    TimeSpent = table.Column<long>(type: "bigint", nullable: false),
                    LastActivityAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CompletionStatementId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    HasUnregisteredStatements = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningProgress", x => x.EnrolmentId);
                    table.ForeignKey(
                        name: "FK_LearningProgress_LearningEnrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "LearningEnrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearningProgressCursor",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Position = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningProgressCursor", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LearningProgressStatements",
                columns: table => new
                {
                    StatementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EnrolmentId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningProgressStatements", x => x.StatementId);
                    table.ForeignKey(
                        name: "FK_LearningProgressStatements_LearningEnrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "LearningEnrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "LearningProgressCursor",
                columns: new[] { "Id", "Position", "Version" },
                values: new object[] { 1, 0L, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_LearningProgressStatements_EnrolmentId",
                table: "LearningProgressStatements",
                column: "EnrolmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LearningLessonProgress");

            migrationBuilder.DropTable(
                name: "LearningProgress");

            migrationBuilder.DropTable(
                name: "LearningProgressCursor");

            migrationBuilder.DropTable(
                name: "LearningProgressStatements");
        }
    }
}
