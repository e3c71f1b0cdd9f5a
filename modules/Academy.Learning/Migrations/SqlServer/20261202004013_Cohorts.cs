using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Academy.Learning.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Cohorts : Migration
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
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
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
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false)
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
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "LearningCohorts");

            migrationBuilder.DropColumn(
                name: "CompletedOn",
                table: "LearningProgress");

            migrationBuilder.DropColumn(
                name: "ExpiresOn",
                table: "LearningProgress");
        }
    }
}
