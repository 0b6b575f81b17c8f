import { AppFailure } from './app-failure.js';
import type { AppError, AppErrorCode, ErrorParams } from './errors.js';

/**
 * Every message a person can read about a problem, by stable key, in English.
 * Errors travel as `{ code, key, params, message }`: the page picks the words
 * in the person's language from the key and the params, and `message` (this
 * English text filled in) is what the log, the CLI and an older page read.
 *
 * `{name}` is a placeholder, filled from the params. Placeholders hold what no
 * translation can change (a file name, a number, the provider's own words in
 * `{provider}`); an English phrase never travels as a param, or a Korean page
 * would show it as is: a variant gets its own key instead. A literal `{` may
 * only appear where it cannot read as a placeholder (followed by a space).
 */
export const ERROR_MESSAGES = {
  // Replies that say nothing about the request itself.
  internal: 'Something went wrong in Keyframe.',
  'internal.step': 'Something unexpected went wrong in this step.',
  'request.unknown_operation': 'Unknown operation.',
  'request.untrusted': 'Keyframe refused a request that did not come from its own window.',
  'reply.unreadable': 'Keyframe sent a reply the window could not read.',
  'connection.lost_call': 'Lost the connection to Keyframe before it answered. Check the queue before trying again.',

  // A full disk: a job waits and carries on by itself; an operation that did not happen asks for another try.
  'disk_full.waiting': 'The disk is full: free some space; Keyframe continues by itself once there is room.',
  'disk_full.waiting.output': 'The disk is full (the output folder’s disk): free some space; Keyframe continues by itself once there is room.',
  'disk_full.waiting.data': 'The disk is full (the disk of Keyframe’s data folder): free some space; Keyframe continues by itself once there is room.',
  'disk_full.retry': 'The disk is full: free some space, then try again.',
  'disk_full.retry.output': 'The disk is full (the output folder’s disk): free some space, then try again.',
  'disk_full.retry.data': 'The disk is full (the disk of Keyframe’s data folder): free some space, then try again.',
  'fs.write_failed': 'Keyframe could not write a file.',
  'journal.write_failed': 'Keyframe could not write its job journal.',
  'journal.new_job_failed': 'Keyframe could not record the new job in its journal.',
  'journal.continue_failed': 'Keyframe could not record that this job continues.',
  'journal.pause_failed': 'Keyframe could not save that the queue is paused.',
  'journal.resume_failed': 'Keyframe could not save that the queue is running.',

  // APIMart's replies (electron/core/apimart). `{provider}` is APIMart's own message, never translated here.
  'apimart.auth': 'APIMart did not accept the API key. Check the key in Settings.',
  'apimart.payment': 'Your APIMart balance is too low for this job. Top up your balance, then retry.',
  'apimart.permission': 'This API key may not use this model; enable it in the APIMart console.',
  'apimart.permission.said': 'This API key may not use this model; enable it in the APIMart console. APIMart said: “{provider}”',
  'apimart.not_found': 'APIMart does not know this item.',
  'apimart.not_found.said': 'APIMart does not know this item. APIMart said: “{provider}”',
  'apimart.too_large': 'The image is too large for APIMart (20 MB at most).',
  'apimart.rate_limited': 'APIMart is rate limiting requests; Keyframe will retry shortly.',
  'apimart.request_timeout': 'APIMart timed out waiting for the request; Keyframe will retry.',
  'apimart.image_type': 'APIMart refused the image type.',
  'apimart.image_type.said': 'APIMart refused the image type. APIMart said: “{provider}”',
  'apimart.rejected': 'APIMart rejected the request.',
  'apimart.rejected.said': 'APIMart rejected the request. APIMart said: “{provider}”',
  'apimart.build_failed': 'APIMart could not build the request.',
  'apimart.build_failed.said': 'APIMart could not build the request. APIMart said: “{provider}”',
  'apimart.unavailable': 'APIMart is temporarily unavailable; Keyframe will retry.',
  'apimart.server_error': 'APIMart had a server error; Keyframe will retry.',
  'apimart.server_error.said': 'APIMart had a server error; Keyframe will retry. APIMart said: “{provider}”',
  'apimart.idempotency_in_progress': 'APIMart is still processing this submission; Keyframe will check again.',
  'apimart.idempotency_indeterminate':
    'APIMart cannot tell whether this submission went through. The job is kept with its key; check your APIMart console before retrying.',
  'apimart.idempotency_conflict': 'APIMart saw this submission key used with different settings. The job is kept; retry it as a new job.',
  'apimart.no_answer': 'APIMart did not answer in time; Keyframe will retry.',
  'apimart.network': 'Could not reach APIMart (network problem); Keyframe will retry.',
  'apimart.balance_failed': 'APIMart could not report the balance: {provider}.',
  'apimart.balance_failed.no_reason': 'APIMart could not report the balance: no reason given.',
  'apimart.missing_key': 'No APIMart API key is set. Add one in Settings (or set APIMART_API_KEY).',
  'apimart.reply_too_large': 'APIMart sent a reply larger than {size}; Keyframe stopped reading it and will ask again.',
  'apimart.unreadable.submit': 'APIMart sent a submit reply Keyframe could not read; it will ask again.',
  'apimart.unreadable.task': 'APIMart sent a task status reply Keyframe could not read; it will ask again.',
  'apimart.unreadable.upload': 'APIMart sent an image upload reply Keyframe could not read; it will ask again.',
  'apimart.unreadable.balance': 'APIMart sent a balance reply Keyframe could not read; it will ask again.',
  'apimart.unreadable.models': 'APIMart sent a models reply Keyframe could not read; it will ask again.',
  'apimart.unreadable.model_schema': 'APIMart sent a model description Keyframe could not read; it will ask again.',
  'apimart.model_unavailable': 'APIMart does not offer this model to this key. Keyframe checks the model again before the next job; choose another model or enable it in the APIMart console.',
  'apimart.model_unavailable.said':
    'APIMart does not offer this model to this key. Keyframe checks the model again before the next job; choose another model or enable it in the APIMart console. APIMart said: “{provider}”',
  'apimart.result_without_media':
    'APIMart answered with a finished result that has no video link Keyframe can use. Nothing was sent again; check your APIMart console before retrying.',

  // The model check before the first submit with a model (electron/core/apimart/model-access.ts). Nothing is sent before it.
  'model.not_available': 'This API key may not use the model {model}: APIMart does not list it for this key. Enable it in the APIMart console or choose another model. Nothing was sent or charged.',
  'model.wrong_operation': 'APIMart does not offer {model} for video generation. Choose another model. Nothing was sent or charged.',
  'model.schema_unreadable': 'APIMart’s description of the model {model} is not one Keyframe can read, so nothing was sent or charged. Try again later.',
  'model.none_available': 'The key works, but APIMart lists no Veo 3.1 model for it. Enable one in the APIMart console.',

  // A task the provider reported as failed.
  'task.cancelled': 'The provider cancelled this generation. Nothing was charged for it.',
  'task.content_policy':
    'APIMart refused this under its content policy. Rephrase the prompt (avoid real people, violence, or sensitive content) or use a different frame image. Refused generations are not charged.',
  'task.failed': 'The generation failed: {provider} Failed generations are not charged.',
  'task.failed.no_message': 'The generation failed: The provider reported a failure without a message. Failed generations are not charged.',
  'task.failed.status': 'The generation failed: The provider reported status “{status}”. Failed generations are not charged.',

  // Jobs and the queue.
  'job.stopped': 'Stopped tracking. APIMart has no cancel: the provider may still finish this job and charge for it.',
  'job.still_running': 'This job is still running; stop tracking it before retrying.',
  'job.no_such_id': 'No job with id {id}.',
  'job.gone': 'That job no longer exists.',
  'job.nothing_to_stop': 'This job has already finished; there is nothing to stop.',
  'job.cannot_continue': 'Only a job that needs your attention can be continued; retry this one instead.',
  'job.frame_changed.first': 'The first frame image changed on disk after the job was queued. Retry the job to use the new image.',
  'job.frame_changed.last': 'The last frame image changed on disk after the job was queued. Retry the job to use the new image.',
  'job.duplicate_submit': 'The same job was queued {seconds} s ago, so it was not queued again; confirm to queue it once more.',
  'job.upload_gave_up': 'The frame upload failed {attempts} times; resume the job to try again.',
  'demo.not_running': 'The demo provider is not running; turn demo mode on to continue demo jobs.',
  'output.full_disk': 'The output folder is on a full disk.',
  'output.not_writable': 'The output folder {folder} cannot be created or written to; choose another folder.',
  'output.names_used_up': 'The output folder already holds more than {max} files named like "{base}"; change the name template.',

  // Spending caps and the balance (electron/core/money), checked before a live job is sent. Amounts are USD figures ("0.64").
  'budget.over_daily_cap':
    'This job (about ${estimate}) would take today’s spending past your daily cap of ${cap}: ${spent} is already spent or on its way. It was not sent: approve it once, or raise the cap.',
  'budget.over_monthly_cap':
    'This job (about ${estimate}) would take this month’s spending past your monthly cap of ${cap}: ${spent} is already spent or on its way. It was not sent: approve it once, or raise the cap.',
  'budget.balance_too_low': 'Your APIMart balance (${balance}) is less than this job’s estimate (${estimate}), so it was not sent. Top up your balance, then retry.',
  'budget.not_waiting': 'Only a job waiting for your approval can be approved.',

  // Frame images: a local file (core) and an image imported by the page (frame store).
  'frame.not_file': 'Frame “{name}” is not a file.',
  'frame.unreadable': 'Frame image “{name}” cannot be read ({errno}).',
  'frame.too_large': 'Frame image “{name}” is {size} ({bytes} bytes); the limit is 20 MB ({limit} bytes).',
  'frame.empty': 'Frame image “{name}” is empty.',
  'frame.not_image': 'Frame “{name}” is not a JPEG, PNG, WebP or GIF image.',
  'image.empty': 'The image “{name}” is empty.',
  'image.too_large': 'The image “{name}” is larger than 20 MB; use a smaller one.',
  'image.not_image': '“{name}” is not a JPEG, PNG, WebP or GIF image.',
  'image.gone': 'That image is no longer available; add it again.',
  'poster.bad_id': 'Invalid video id.',
  'poster.size': 'A poster image must be between 1 byte and 2 MB.',
  'poster.type': 'A poster must be a JPEG, PNG or WebP image.',

  // Result downloads. `{done}` and `{total}` are sizes ("8.4 MB").
  'download.link_expired': 'The download link for this video has expired or is no longer valid.',
  'download.host_busy': 'The video host is busy or having trouble; the download will be retried.',
  'download.refused': 'The video host refused the download (HTTP {status}).',
  'download.unreachable': 'Could not reach the video host; the download will be retried.',
  'download.interrupted': 'The download stopped after {done}; it will resume.',
  'download.interrupted.of': 'The download stopped after {done} of {total}; it will resume.',
  'download.no_response': 'The video host did not respond for {seconds} s; the download will be retried.',
  'download.stalled': 'The download stalled: no data arrived for {seconds} s after {done}; it will resume.',
  'download.stalled.of': 'The download stalled: no data arrived for {seconds} s after {done} of {total}; it will resume.',
  'download.oversize': 'The video host sent more data than announced ({done} of {total}); the download will start over.',
  'download.no_resume': 'The video host would not continue the partial download; it will start over.',
  'download.cancelled': 'The download was cancelled.',
  'download.file_exists': 'A file named "{name}" already exists in the output folder; Keyframe never overwrites files.',
  'download.write_failed': 'Could not write the video to the output folder.',
  'download.mismatch': 'The saved video did not match the downloaded data, so it was discarded; it will download again.',
  'download.not_mp4': 'The downloaded file is not a valid MP4 video, so it was discarded.',

  // Video records (sidecars) and the library.
  'record.damaged.content': 'The video record "{name}" is damaged (unexpected content), so it was skipped.',
  'record.damaged.folder': 'The video record "{name}" is damaged (its video file name contains a folder), so it was skipped.',
  'record.damaged.too_large': 'The video record "{name}" is damaged (file too large), so it was skipped.',
  'record.damaged.json': 'The video record "{name}" is damaged (not valid JSON), so it was skipped.',
  'record.unreadable': 'Could not read the video record "{name}".',
  'record.invalid_save': 'Keyframe tried to save an invalid video record.',
  'record.outside_folder': 'A video record must name a file in its own folder.',
  'record.names.not_in_folder': 'The record of this video ({record}) names “{file}”, which is not a file in the same folder. Keyframe leaves the files as they are.',
  'record.names.not_video':
    'The record of this video ({record}) names “{file}”, which is not a video file (.mp4, .mov, .webm or .m4v). Keyframe leaves the files as they are.',
  'record.names.other_record':
    'The record of this video ({record}) names “{file}”, which is the video of another record ({other}). Keyframe leaves the files as they are.',
  'record.names.link': 'The record of this video ({record}) names “{file}”, which is a link to another file, not the video itself. Keyframe leaves the files as they are.',
  'record.names.special': 'The record of this video ({record}) names “{file}”, which is a folder or a special file, not a video. Keyframe leaves the files as they are.',
  'tag.control_chars': 'The tag "{tag}" contains control characters.',
  'tag.too_long': 'The tag "{tag}" is too long ({max} characters at most).',
  'tag.too_many': 'A video can have at most {max} tags.',
  'tag.any_too_long': 'A tag is too long ({max} characters at most).',
  'library.video_gone': 'That video is no longer in the library.',
  'library.search_too_long': 'Search text is too long ({max} characters at most).',
  'library.drag_desktop_only': 'Dragging a video out works in the desktop app; here, use the download link instead.',
  'library.drag_failed': 'This video could not be dragged out (is the file still there?).',
  'library.trash_failed': 'Keyframe could not move the video to the trash. Check that the file is not open elsewhere, then try again.',
  'library.restore_expired': 'It is too late to undo: the video has already gone to the trash. Restore it from there.',
  'library.restore_taken': 'The video cannot be put back: another file named “{file}” is now in its place. Rename that file, then try again.',
  'library.restore_failed': 'Keyframe could not put the video back. It is still in the trash.',
  'library.bare_no_record': 'This video has no Keyframe record beside it, so favorites and tags cannot be kept for it.',
  'library.folder_relative': 'A library folder must be a full path (for example /Users/you/Videos/Flow).',
  'library.folder_missing': 'There is no folder at {folder}.',
  'library.folder_nested': '{folder} is already in the library: it is inside, or holds, {other}.',
  'library.folder_is_output': 'The output folder is always in the library. To remove it, choose another output folder first.',
  'library.folder_unknown': '{folder} is not one of the library folders.',
  'library.folders_full': 'The library holds at most {max} folders.',
  'host.no_file_manager': 'Not available in the browser host: it cannot open a file manager. The video is in your output folder.',
  'host.trash_full': 'The browser host trash folder is full of files with this name; empty it and try again.',

  // The API key and the settings.
  'key.missing': 'No APIMart API key is set. Add your key in Settings, or turn on the demo provider to try Keyframe without one.',
  'key.storage_not_ready': 'Key storage is not ready yet. Try again in a moment.',
  'key.no_secure_storage':
    "This computer's secure storage (Keychain, Credential Manager or a Linux keyring) is not available, so Keyframe will not save the API key.",
  'key.plaintext_refused':
    'No system keyring (GNOME Keyring, KWallet) was found, so the key could only be saved with a publicly known password, which is as good as plain text. ' +
    'Unlock or install a keyring and restart Keyframe, or start it with --allow-plaintext-key-storage if you accept that risk.',
  'key.bad_characters': 'The key has characters an API key cannot contain.',
  'key.length': 'An API key is 8 to 512 characters long.',
  'settings.output_relative': 'Choose the output folder by its full path.',
  'settings.damaged': 'The settings file was damaged, so the defaults are in use. The old file was kept as {name}.',
  'settings.output_dir': 'The output folder must be a path of 1 to 4096 characters.',
  'settings.name_template': 'The file name template must be 1 to 200 characters long.',
  'settings.concurrency_invalid': 'Jobs at once must be a whole number from 1 to 16.',
  'settings.language_invalid': 'Language must be English (en) or Korean (ko).',
  'settings.theme_invalid': 'Theme must be system, light or dark.',
  'settings.demo_mode': 'Demo mode must be on or off.',
  'settings.spending_cap': 'A spending cap is an amount in USD from 0 to 1000000, or empty for no cap.',

  // Start-up findings.
  'notice.damaged_jobs.one': '{count} saved job record was damaged and moved aside; the other jobs continue.',
  'notice.damaged_jobs.many': '{count} saved job records were damaged and moved aside; the other jobs continue.',
  'notice.damaged_videos.one': '{count} video record in the output folder could not be read and is not shown in the library.',
  'notice.spending_rebuilt': 'The spending record was damaged; it was kept as {name} and rebuilt from the job journal and the video records.',
  'notice.damaged_videos.many': '{count} video records in the output folder could not be read and are not shown in the library.',
  'notice.library_folder_lost': 'The library folder {folder} cannot be read right now (unplugged, or no permission). Keyframe keeps trying; its videos show again once it is back.',
  'notice.library_folder_back': 'The library folder {folder} can be read again.',

  // The file-name template (shared/domain/file-name-template.ts). Tokens travel as params: `{date}` is no placeholder.
  'name_template.empty': 'The file name template is empty.',
  'name_template.too_long': 'The file name template is too long ({max} characters at most).',
  'name_template.slash': 'The file name template cannot contain / or \\: choose the folder separately.',
  'name_template.unknown_token': 'Unknown token {token} in the file name template. Available: {list}.',
  'name_template.brace': 'The file name template has a { or } without its partner.',
  'name_template.empty_name': 'The file name template produces an empty name: add a token such as {dateToken} or {promptToken}.',

  // The generation request (shared/domain/generation.ts, shared/domain/public-url.ts).
  'request.invalid': 'Invalid request.',
  'request.not_object': 'A generation request must be an object of settings (JSON), with at least a prompt.',
  'request.model': 'Model must be one of: {list}.',
  'request.duration': 'Duration must be 4, 6 or 8 seconds.',
  'request.duration.text': 'Duration must be a number of seconds (4, 6 or 8), not text.',
  'request.aspect_ratio': 'Aspect ratio must be 16:9 (landscape) or 9:16 (portrait).',
  'request.resolution': 'Resolution must be 720p, 1080p or 4K.',
  'request.person_generation': 'Person generation must be allow_adult or disallow.',
  'request.resize_mode': 'Resize mode must be pad or crop.',
  'request.prompt.required': 'Prompt is required: describe the video.',
  'request.prompt.not_text': 'Prompt must be text.',
  'request.prompt.too_long': 'Prompt is too long ({max} characters at most).',
  'request.prompt.control': 'Prompt contains control characters.',
  'request.negative_prompt.not_text': 'Negative prompt must be text.',
  'request.negative_prompt.too_long': 'Negative prompt is too long ({max} characters at most).',
  'request.negative_prompt.control': 'Negative prompt contains control characters.',
  'request.seed.whole': 'Seed must be a whole number.',
  'request.seed.range': 'Seed must be between 0 and {max}.',
  'request.sample_count.whole': 'Number of outputs must be a whole number from 1 to 4.',
  'request.sample_count.range': 'Number of outputs must be from 1 to 4.',
  'request.generate_audio': 'Audio must be on or off (true/false).',
  'request.enhance_prompt': 'Prompt enhancement is always on for Veo 3.1 and cannot be turned off; leave it out.',
  'request.last_needs_first': 'A last frame needs a first frame too: add a first frame or remove the last one.',
  'request.resize_needs_first': 'Resize mode (pad or crop) only applies when a first frame image is given.',
  'request.frame': 'A frame must be a local image file or a public https URL.',
  'request.frame_path.not_text': 'Frame file path must be text.',
  'request.frame_path.empty': 'Frame file path is empty.',
  'request.frame_path.too_long': 'Frame file path is too long.',
  'request.frame_path.nul': 'Frame file path contains a NUL character.',
  'request.frame_id': 'Invalid frame id.',
  'request.image_data': 'Image data must be base64.',
  'request.id': 'Invalid id.',
  'frame_url.not_text': 'Frame URL must be text.',
  'frame_url.too_long': 'Frame URL is too long ({max} characters at most).',
  'frame_url.bad_characters': 'Frame URL must not contain spaces, control characters or backslashes.',
  'frame_url.not_url': 'Frame URL must be a public https:// address.',
  'frame_url.not_https': 'Frame URL must be a public https:// address (the provider fetches frames only over https).',
  'frame_url.credentials': 'Frame URL must not contain a user name or password: they would be sent to the provider.',
  /** `{why}` is one of the reasons in public-url.ts ("private", "loopback"…), which the page translates. */
  'frame_url.not_public': 'Frame URL must point at a public host; {host} is not ({why}).',
  'frame_url.recorded': 'Frame URL must be an http(s) address.',

  // Batches and sweeps (electron/core/batch). `{row}` is the row's number in its source (a CSV's header is row 1).
  'batch.empty': 'The batch has no rows: write one prompt per line (or one row per video in a CSV).',
  'batch.too_many_rows': 'A batch has at most {max} rows; split it into several batches.',
  'batch.csv_no_header': 'The CSV needs a header row naming the settings of each column (for example prompt,duration,seed).',
  'batch.csv_unreadable': 'The CSV could not be read from line {line} on; check its quotes and commas.',
  'batch.csv_extra_cells': 'This row has more cells than the header has columns.',
  'batch.csv_column_twice': 'The column “{name}” appears twice in the header.',
  'batch.jsonl_not_json': 'This line is not valid JSON.',
  'batch.jsonl_not_object': 'This line must be a JSON object of request settings, such as {example}.',
  'batch.label': 'A row label is text of at most {max} characters.',
  'batch.sweep_too_large': 'This sweep makes {count} jobs; at most {max} can be queued at once.',
  'batch.sweep_empty': 'A sweep needs seeds or at least one setting to vary.',
  'batch.has_errors.one': 'Nothing was queued: {count} row has a problem. Fix it and try again.',
  'batch.has_errors.many': 'Nothing was queued: {count} rows have problems. Fix them and try again.',
  'batch.gone': 'That batch no longer exists.',
  'batch.save_failed': 'Keyframe could not save the batch record.',

  // Sequences (electron/core/sequence): `{name}` is a sequence's name, `{index}` a clip's position (1-based), `{file}` its path.
  'sequence.not_found': 'There is no sequence named “{name}” in the library folder.',
  'sequence.damaged': 'The sequence file “{name}” is damaged (not a sequence Keyframe can read), so it was not opened.',
  'sequence.too_large': 'The sequence file “{name}” is too large to be a sequence, so it was not opened.',
  'sequence.changed': 'The sequence “{name}” was changed by something else since it was opened. Open it again, then save.',
  'sequence.save_failed': 'Keyframe could not save the sequence “{name}”.',
  'sequence.empty': 'The sequence has no clips to export.',
  'sequence.clip_missing': 'Clip {index} of the sequence ({file}) cannot be found.',
  'sequence.clip_outside': 'Clip {index} of the sequence ({file}) is not inside the sequence’s folder, so it was not read.',
  'sequence.clip_not_in_folder': '“{file}” is not in the output folder, where sequences are kept, so it cannot join one. Copy it into the output folder, then add it again.',
  'sequence.clip_unknown': 'A clip of the sequence is no longer in the library. Remove it, then save.',
  'sequence.clip_unreadable': 'Clip {index} of the sequence ({file}) is not a video Keyframe can read.',
  'sequence.clip_no_video': 'Clip {index} of the sequence ({file}) has no video track.',
  'sequence.trim_past_end': 'Clip {index} of the sequence ({file}) is {duration} s long: its trim starts at or after its end.',
  'sequence.reencode.codec': 'Clip {index} is encoded differently from clip 1, so the clips cannot be joined without re-encoding.',
  'sequence.reencode.size': 'Clip {index} has another picture size than clip 1, so the clips cannot be joined without re-encoding.',
  'sequence.reencode.frame_rate': 'Clip {index} has another frame rate than clip 1, so the clips cannot be joined without re-encoding.',
  'sequence.reencode.audio': 'Clip {index} has other sound (format, rate or channels) than clip 1, so the clips cannot be joined without re-encoding.',
  'sequence.reencode.in_point': 'Clip {index} starts between two key frames, so it cannot be joined without re-encoding.',
  'sequence.reencode.reordered': 'Clip {index} ends inside a group of reordered frames, so it cannot be cut there without re-encoding.',
  'sequence.needs_app': 'These clips must be re-encoded to be joined, which the Keyframe app does (the command line joins clips only without re-encoding).',
  'export.exists': 'A file named “{name}” already exists; Keyframe never overwrites files. Choose another name.',
  'export.cancelled': 'The export was cancelled.',
  'export.running': 'This export is already running.',
  'export.invalid': 'The re-encoded video is not a complete MP4 video of the sequence, so it was discarded.',
  'export.write_failed': 'Keyframe could not write the exported video.',
  'export.out_folder': 'The exported video must be saved in the sequence’s folder or below it, beside its clips.',
  'export.not_mp4': 'The exported video must be an .mp4 file.',
  'export.no_such_upload': 'That export is no longer in progress.',
  'export.upload_order': 'A piece of the exported video arrived out of order.',
  'export.upload_too_large': 'The exported video is larger than Keyframe accepts ({max}).',

  // A zod issue no schema worded itself. `{field}` is the field's name in the request, which the page translates.
  'schema.unknown_key': 'Unknown setting “{name}”; remove it or check its spelling.',
  'schema.invalid': 'The value of {field} is not valid.',
  'schema.invalid_request': 'The request is not valid.',
} as const;

export type ErrorKey = keyof typeof ERROR_MESSAGES;

/** A placeholder is `{word}`; `{ or }` (a space inside) is text. */
type PlaceholderName<N extends string> = N extends '' | `${string}${' ' | '{'}${string}` ? never : N;
/** The `{name}` placeholders of a template, as a union of names. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? PlaceholderName<Name> | Placeholders<Rest>
  : never;
export type ParamNames<K extends ErrorKey> = Placeholders<(typeof ERROR_MESSAGES)[K]>;
/** Exactly the params a key's template names: a missing or an extra one does not compile. */
export type ParamsOf<K extends ErrorKey> = { [P in ParamNames<K>]: string | number };
export type ParamArgs<K extends ErrorKey> = [ParamNames<K>] extends [never] ? [] : [params: ParamsOf<K>];

/** A catalog message: its key and params, and the English text they make. */
export interface ErrorMessage {
  key: ErrorKey;
  params?: ErrorParams;
  message: string;
}

/** Longest text a param carries (a provider's message is cut there); see AppErrorSchema. */
export const PARAM_MAX_CHARS = 1000;

const clip = (s: string): string => (s.length > PARAM_MAX_CHARS ? `${s.slice(0, PARAM_MAX_CHARS - 1)}…` : s);

export function isErrorKey(key: unknown): key is ErrorKey {
  return typeof key === 'string' && Object.hasOwn(ERROR_MESSAGES, key);
}

/** `{name}` → params.name; a placeholder without a param is left as it is. Values are not re-read. */
export function fillTemplate(template: string, params: Readonly<Record<string, string | number>> | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** The message for `key`, with its params (strings cut to PARAM_MAX_CHARS) and its English text. */
export function errorMessage<K extends ErrorKey>(key: K, ...args: ParamArgs<K>): ErrorMessage {
  const given = args[0] as Record<string, string | number> | undefined;
  if (!given) return { key, message: ERROR_MESSAGES[key] };
  const params: ErrorParams = {};
  for (const [name, value] of Object.entries(given)) params[name] = typeof value === 'string' ? clip(value) : value;
  return { key, params, message: fillTemplate(ERROR_MESSAGES[key], params) };
}

/** The fields of an AppError other than what the catalog message gives. */
export type AppErrorExtra = Omit<AppError, 'code' | 'key' | 'params' | 'message'>;

/** Only the message's own fields are taken from `text`, whatever else the object carries. */
export function appError(code: AppErrorCode, text: ErrorMessage, extra: AppErrorExtra = {}): AppError {
  return { code, ...extra, key: text.key, ...(text.params ? { params: text.params } : {}), message: text.message };
}

export function appFailure(code: AppErrorCode, text: ErrorMessage, extra: AppErrorExtra = {}): AppFailure {
  return new AppFailure(appError(code, text, extra));
}

/** An error with a second sentence after its own (e.g. how many attempts were made); the page shows both. */
export function withNote(error: AppError, note: ErrorMessage): AppError {
  return { ...error, note: { key: note.key, ...(note.params ? { params: note.params } : {}) }, message: `${error.message} ${note.message}` };
}
