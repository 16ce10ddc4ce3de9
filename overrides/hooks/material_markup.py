"""Changes to the markup Material writes into every built page, each checked.
Logic: course_build/material_markup.py."""

from course_build import material_markup


def on_post_page(output, page, config):
    return material_markup.corrected(output, page.file.src_uri)


def on_post_template(output_content, template_name, config):
    # The 404 page is rendered from a theme template, not from a page.
    if template_name == "404.html":
        return material_markup.corrected(output_content, template_name)
    return output_content
