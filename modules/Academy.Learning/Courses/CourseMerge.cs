namespace Academy.Learning.Courses;

/// Copies a course built elsewhere (from a recipe's files) into the stored one, keeping the stored rows'
/// ids: sections, questions and options by position, lessons by slug (a lesson may move between sections).
/// Values equal to what is stored are left untouched, so that nothing is written when nothing changed.
public static class CourseMerge
{
    public static void Into(Course stored, Course source)
    {
        (stored.Title, stored.Summary, stored.Description, stored.Domain) = (source.Title, source.Summary, source.Description, source.Domain);
        (stored.EstimatedMinutes, stored.ValidityMonths, stored.CompletionRule) = (source.EstimatedMinutes, source.ValidityMonths, source.CompletionRule);

        var lessons = stored.Sections.SelectMany(s => s.Lessons).ToDictionary(l => l.Slug);
        var kept = new HashSet<Lesson>();
        foreach (var sourceSection in source.Sections.OrderBy(s => s.Position))
        {
            var section = stored.Sections.SingleOrDefault(s => s.Position == sourceSection.Position);
            if (section is null) stored.Sections.Add(section = new Section { Position = sourceSection.Position });
            section.Title = sourceSection.Title;
            foreach (var sourceLesson in sourceSection.Lessons.OrderBy(l => l.Position))
            {
                if (!lessons.TryGetValue(sourceLesson.Slug, out var lesson)) lesson = new Lesson { Slug = sourceLesson.Slug };
                var current = stored.Sections.SingleOrDefault(s => s.Lessons.Contains(lesson));
                if (current != section)
                {
                    current?.Lessons.Remove(lesson);
                    section.Lessons.Add(lesson);
                }
                kept.Add(lesson);
                Lesson(lesson, sourceLesson);
            }
        }
        foreach (var section in stored.Sections) section.Lessons.RemoveAll(l => !kept.Contains(l));
        stored.Sections.RemoveAll(s => s.Position > source.Sections.Count);
    }

    private static void Lesson(Lesson lesson, Lesson source)
    {
        (lesson.Position, lesson.Title, lesson.Kind, lesson.Minutes) = (source.Position, source.Title, source.Kind, source.Minutes);
        lesson.Markdown = source.Markdown;
        (lesson.VideoFile, lesson.VideoContentType, lesson.CaptionsFile, lesson.TranscriptMarkdown) = (source.VideoFile, source.VideoContentType, source.CaptionsFile, source.TranscriptMarkdown);
        (lesson.PassMark, lesson.MaxAttempts, lesson.Shuffle) = (source.PassMark, source.MaxAttempts, source.Shuffle);
        foreach (var sourceQuestion in source.Questions)
        {
            var question = lesson.Questions.SingleOrDefault(q => q.Position == sourceQuestion.Position);
            if (question is null) lesson.Questions.Add(question = new Question { Position = sourceQuestion.Position });
            (question.Text, question.Multiple) = (sourceQuestion.Text, sourceQuestion.Multiple);
            foreach (var sourceOption in sourceQuestion.Options)
            {
                var option = question.Options.SingleOrDefault(o => o.Position == sourceOption.Position);
                if (option is null) question.Options.Add(option = new Option { Position = sourceOption.Position });
                (option.Text, option.Correct, option.Feedback) = (sourceOption.Text, sourceOption.Correct, sourceOption.Feedback);
            }
            question.Options.RemoveAll(o => o.Position > sourceQuestion.Options.Count);
        }
        lesson.Questions.RemoveAll(q => q.Position > source.Questions.Count);
    }
}
