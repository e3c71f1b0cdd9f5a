using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Academy.Learning.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SelfAssessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "LearningSelfAssessmentRatings");

            migrationBuilder.DropTable(
                name: "LearningSelfAssessmentAttempts");
        }
    }
}
