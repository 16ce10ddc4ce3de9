"""Notebook pages without JupyterLab's CSS, and pages without MathJax when no notebook has math.
Logic: course_build/notebook_styles.py."""

from course_build import notebook_styles

site_has_math = True  # until on_files has looked at this build's notebooks


def on_files(files, config):
    global site_has_math
    site_has_math = notebook_styles.any_notebook_has_math(files)
    return files


def on_post_page(output, page, config):
    return notebook_styles.trimmed(output, page.file.src_uri.endswith(".ipynb"), site_has_math)


def on_post_template(output_content, template_name, config):
    return notebook_styles.trimmed(output_content, False, site_has_math)
