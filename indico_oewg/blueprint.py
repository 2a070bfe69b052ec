# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.core.plugins import IndicoPluginBlueprint

from indico_oewg.observers.controllers import display as obs_display
from indico_oewg.observers.controllers import management as obs_manage
from indico_oewg.registration import controllers as registration
from indico_oewg.speakers.controllers import display as sp_display
from indico_oewg.statements.controllers import archive as st_archive
from indico_oewg.statements.controllers import display as st_display
from indico_oewg.statements.controllers import management as st_manage
from indico_oewg.statements.controllers import submissions as st_submit
from indico_oewg.working_groups.controllers import RHManageOEWGSession, RHManageWorkingGroup


# Every URL with an event in it answers 404 while the event's "oewg" feature is off.
blueprint = IndicoPluginBlueprint('oewg', __name__, event_feature='oewg')

# Working group (category) and session (event)
blueprint.add_url_rule('/category/<int:category_id>/manage/oewg/', 'manage_working_group', RHManageWorkingGroup,
                       methods=('GET', 'POST'))
blueprint.add_url_rule('/event/<int:event_id>/manage/oewg/', 'manage_session', RHManageOEWGSession,
                       methods=('GET', 'POST'))

# Statements
_st = '/event/<int:event_id>/statements'
blueprint.add_url_rule(f'{_st}/', 'statements', st_display.RHStatements)
blueprint.add_url_rule('/event/<int:event_id>/statements.json', 'statements_json', st_display.RHStatementsJSON)
blueprint.add_url_rule('/event/<int:event_id>/statements.atom', 'statements_atom', st_display.RHStatementsAtom)
blueprint.add_url_rule(f'{_st}/submit', 'submit_statement', st_submit.RHSubmitStatement, methods=('GET', 'POST'))
blueprint.add_url_rule(f'{_st}/<int:statement_id>/', 'statement', st_display.RHStatement)
blueprint.add_url_rule(f'{_st}/<int:statement_id>/text', 'hand_in_statement_text', st_submit.RHHandInStatementText,
                       methods=('POST',))
blueprint.add_url_rule(f'{_st}/<int:statement_id>/files/<int:file_id>/<filename>', 'download_statement_file',
                       st_display.RHDownloadStatementFile)
_st_wg = '/category/<int:category_id>/statements'
blueprint.add_url_rule(f'{_st_wg}/', 'working_group_statements', st_archive.RHWorkingGroupStatements)
blueprint.add_url_rule('/category/<int:category_id>/statements.json', 'working_group_statements_json',
                       st_archive.RHWorkingGroupStatementsJSON)
blueprint.add_url_rule('/category/<int:category_id>/statements.atom', 'working_group_statements_atom',
                       st_archive.RHWorkingGroupStatementsAtom)
_st_manage = '/event/<int:event_id>/manage/oewg/statements'
_st_one = f'{_st_manage}/<int:statement_id>'
_st_item = f'{_st_manage}/agenda-items/<int:agenda_item_id>'
blueprint.add_url_rule(f'{_st_manage}/', 'manage_statements', st_manage.RHManageStatements)
blueprint.add_url_rule(f'{_st_manage}/add', 'add_statement', st_manage.RHAddStatement, methods=('GET', 'POST'))
blueprint.add_url_rule(f'{_st_manage}/import', 'import_statements', st_manage.RHImportStatements,
                       methods=('GET', 'POST'))
blueprint.add_url_rule(f'{_st_manage}/moderation', 'moderation_queue', st_manage.RHModerationQueue)
blueprint.add_url_rule(f'{_st_manage}/submitters', 'manage_submitters', st_submit.RHManageSubmitters,
                       methods=('GET', 'POST'))
blueprint.add_url_rule(f'{_st_manage}/submitters/<int:submitter_id>/remove', 'remove_submitter',
                       st_submit.RHRemoveSubmitter, methods=('POST',))
blueprint.add_url_rule(f'{_st_one}/', 'edit_statement', st_manage.RHEditStatement, methods=('GET', 'POST'))
blueprint.add_url_rule(f'{_st_one}/delete', 'delete_statement', st_manage.RHDeleteStatement, methods=('POST',))
blueprint.add_url_rule(f'{_st_one}/publish', 'publish_statement', st_manage.RHPublishStatement, methods=('POST',))
blueprint.add_url_rule(f'{_st_one}/move', 'move_statement', st_manage.RHMoveStatement, methods=('POST',))
blueprint.add_url_rule(f'{_st_one}/moderate', 'moderate_statement', st_manage.RHModerateStatement,
                       methods=('POST',))
blueprint.add_url_rule(f'{_st_one}/files', 'upload_statement_files', st_manage.RHUploadStatementFiles,
                       methods=('POST',))
blueprint.add_url_rule(f'{_st_one}/files/<int:file_id>/<filename>/delete', 'delete_statement_file',
                       st_manage.RHDeleteStatementFile, methods=('POST',))
blueprint.add_url_rule(f'{_st_manage}/agenda-items/', 'add_agenda_item', st_manage.RHAddAgendaItem,
                       methods=('POST',))
blueprint.add_url_rule(f'{_st_item}/', 'edit_agenda_item', st_manage.RHEditAgendaItem, methods=('POST',))
blueprint.add_url_rule(f'{_st_item}/delete', 'delete_agenda_item', st_manage.RHDeleteAgendaItem, methods=('POST',))
blueprint.add_url_rule(f'{_st_item}/move', 'move_agenda_item', st_manage.RHMoveAgendaItem, methods=('POST',))
blueprint.add_url_rule(f'{_st_item}/reorder', 'reorder_statements', st_manage.RHReorderStatements,
                       methods=('POST',))

# List of speakers: public pages and documents
_sp = '/event/<int:event_id>/speakers'
blueprint.add_url_rule(f'{_sp}/', 'speakers', sp_display.RHSpeakers)
blueprint.add_url_rule('/event/<int:event_id>/speakers.json', 'speakers_json', sp_display.RHSpeakersJSON)
blueprint.add_url_rule(f'{_sp}/<int:agenda_item_id>/screen', 'speakers_screen', sp_display.RHSpeakersScreen)
blueprint.add_url_rule(f'{_sp}/<int:agenda_item_id>/list.pdf', 'speakers_pdf', sp_display.RHSpeakersPDF)
blueprint.add_url_rule(f'{_sp}/<int:agenda_item_id>/list.docx', 'speakers_docx', sp_display.RHSpeakersDOCX)

# Observers
_obs_request = '/event/<int:event_id>/observers/requests/<int:request_id>'
blueprint.add_url_rule('/event/<int:event_id>/observers/', 'observers', obs_display.RHObservers)
blueprint.add_url_rule('/event/<int:event_id>/observers/accredited.json', 'observers_json',
                       obs_display.RHObserversJSON)
blueprint.add_url_rule('/event/<int:event_id>/observers/request', 'observer_request_new',
                       obs_display.RHNewObserverRequest, methods=('GET', 'POST'))
blueprint.add_url_rule(f'{_obs_request}/', 'observer_request', obs_display.RHObserverRequest)
blueprint.add_url_rule(f'{_obs_request}/edit', 'observer_request_edit', obs_display.RHEditObserverRequest,
                       methods=('GET', 'POST'))
blueprint.add_url_rule(f'{_obs_request}/withdraw', 'observer_request_withdraw',
                       obs_display.RHWithdrawObserverRequest, methods=('POST',))
blueprint.add_url_rule(f'{_obs_request}/files/<int:file_id>', 'observer_file', obs_display.RHObserverFile)

_obs_manage = '/event/<int:event_id>/manage/oewg/observers'
blueprint.add_url_rule(f'{_obs_manage}/', 'manage_observers', obs_manage.RHManageObservers)
blueprint.add_url_rule(f'{_obs_manage}/requests.<format>', 'observer_export',
                       obs_manage.RHExportObserverRequests)
blueprint.add_url_rule(f'{_obs_manage}/requests/<int:request_id>/', 'manage_observer_request',
                       obs_manage.RHManageObserverRequest)
blueprint.add_url_rule(f'{_obs_manage}/requests/<int:request_id>/ask-information', 'observer_ask_information',
                       obs_manage.RHAskObserverInformation, methods=('GET', 'POST'))
blueprint.add_url_rule(f'{_obs_manage}/requests/<int:request_id>/confirm', 'observer_confirm',
                       obs_manage.RHConfirmObserverRequest, methods=('POST',))
blueprint.add_url_rule(f'{_obs_manage}/requests/<int:request_id>/decline', 'observer_decline',
                       obs_manage.RHDeclineObserverRequest, methods=('GET', 'POST'))
blueprint.add_url_rule(f'{_obs_manage}/requests/<int:request_id>/merge', 'observer_merge',
                       obs_manage.RHMergeObserverOrganization, methods=('GET', 'POST'))
blueprint.add_url_rule(f'{_obs_manage}/requests/<int:request_id>/organization', 'observer_edit_organization',
                       obs_manage.RHEditObserverOrganization, methods=('GET', 'POST'))
blueprint.add_url_rule(f'{_obs_manage}/registry/', 'observer_registry', obs_manage.RHObserverRegistry)
blueprint.add_url_rule(f'{_obs_manage}/no-objection/', 'observer_period', obs_manage.RHObserverPeriod)
blueprint.add_url_rule(f'{_obs_manage}/no-objection/open', 'observer_period_open', obs_manage.RHOpenObserverPeriod,
                       methods=('POST',))
blueprint.add_url_rule(f'{_obs_manage}/no-objection/objections', 'observer_objection',
                       obs_manage.RHRecordObjection, methods=('POST',))
blueprint.add_url_rule(f'{_obs_manage}/no-objection/close', 'observer_period_close',
                       obs_manage.RHCloseObserverPeriod, methods=('POST',))
blueprint.add_url_rule(f'{_obs_manage}/no-objection/objections-confidential.csv', 'observer_objections_report',
                       obs_manage.RHObjectionsReport)
blueprint.add_url_rule(f'{_obs_manage}/lists/', 'observer_lists', obs_manage.RHObserverLists)
blueprint.add_url_rule(f'{_obs_manage}/lists.<format>', 'observer_lists_document',
                       obs_manage.RHObserverListsDocument)
blueprint.add_url_rule(f'{_obs_manage}/lists/circulate', 'observer_lists_circulate',
                       obs_manage.RHCirculateObserverLists, methods=('POST',))
blueprint.add_url_rule(f'{_obs_manage}/accreditations/', 'observer_accreditations',
                       obs_manage.RHObserverAccreditations)
blueprint.add_url_rule(f'{_obs_manage}/accreditations/<int:accreditation_id>/revoke', 'observer_revoke',
                       obs_manage.RHRevokeAccreditation, methods=('GET', 'POST'))
blueprint.add_url_rule(f'{_obs_manage}/settings', 'observer_settings', obs_manage.RHObserverSettings,
                       methods=('GET', 'POST'))

# Registration
_reg_manage = '/event/<int:event_id>/manage/oewg/delegations'
blueprint.add_url_rule(f'{_reg_manage}/', 'manage_delegations', registration.RHManageDelegations)
blueprint.add_url_rule(f'{_reg_manage}/focal-points/add', 'add_focal_points', registration.RHNameFocalPoints,
                       methods=('GET', 'POST'))
blueprint.add_url_rule(f'{_reg_manage}/settings', 'delegation_settings', registration.RHDelegationSettings,
                       methods=('GET', 'POST'))
blueprint.add_url_rule(f'{_reg_manage}/focal-points/<int:focal_point_id>/remove', 'remove_focal_point',
                       registration.RHRemoveFocalPoint, methods=('POST',))
blueprint.add_url_rule('/event/<int:event_id>/manage/oewg/participants/', 'manage_participants',
                       registration.RHManageParticipants)
blueprint.add_url_rule('/event/<int:event_id>/manage/oewg/participants.pdf', 'participants_pdf',
                       registration.RHParticipantsPDF)
blueprint.add_url_rule('/event/<int:event_id>/manage/oewg/participants.docx', 'participants_docx',
                       registration.RHParticipantsDOCX)
blueprint.add_url_rule('/event/<int:event_id>/manage/oewg/participants.xlsx', 'participants_xlsx',
                       registration.RHParticipantsXLSX)
blueprint.add_url_rule('/event/<int:event_id>/oewg/participants/', 'participants', registration.RHDisplayParticipants)
blueprint.add_url_rule(f'{_reg_manage}/forms/<int:reg_form_id>/add-oewg-section', 'add_oewg_section',
                       registration.RHAddOEWGSection, methods=('POST',))

# List of speakers: the secretariat's overview and console, the delegations' inscriptions
from indico_oewg.speakers.controllers import inscriptions as sp_inscribe  # noqa: E402
from indico_oewg.speakers.controllers import management as sp_manage  # noqa: E402


_sp_manage = '/event/<int:event_id>/manage/speakers'
_sp_item = f'{_sp_manage}/<int:agenda_item_id>'
_sp_one = f'{_sp_item}/inscriptions/<int:inscription_id>'
blueprint.add_url_rule(f'{_sp_manage}/', 'manage_speakers', sp_manage.RHManageSpeakers)
blueprint.add_url_rule(f'{_sp_item}/', 'speakers_console', sp_manage.RHSpeakersConsole)
for _rule, _endpoint, _rh, _methods in (
    ('open', 'speakers_open', sp_manage.RHOpenSpeakersList, ('GET', 'POST')),
    ('close', 'speakers_close', sp_manage.RHCloseSpeakersList, ('POST',)),
    ('deadline', 'speakers_deadline', sp_manage.RHSpeakersDeadline, ('GET', 'POST')),
    ('rules', 'speakers_rules', sp_manage.RHSpeakersRules, ('GET', 'POST')),
    ('reorder', 'speakers_reorder', sp_manage.RHReorderSpeakersList, ('POST',)),
    ('next', 'speakers_next', sp_manage.RHSpeakersNext, ('POST',)),
    ('previous', 'speakers_previous', sp_manage.RHSpeakersPrevious, ('POST',)),
    ('finish', 'speakers_finish', sp_manage.RHFinishSpeakersList, ('POST',)),
    ('resume', 'speakers_resume', sp_manage.RHResumeSpeakersList, ('POST',)),
    ('add', 'speakers_add', sp_manage.RHAddSpeaker, ('GET', 'POST')),
):
    blueprint.add_url_rule(f'{_sp_item}/{_rule}', _endpoint, _rh, methods=_methods)
for _rule, _endpoint, _rh, _methods in (
    ('delivered', 'speaker_delivered', sp_manage.RHSpeakerDelivered, ('POST',)),
    ('absent', 'speaker_absent', sp_manage.RHSpeakerAbsent, ('POST',)),
    ('withdraw', 'speaker_withdraw', sp_manage.RHSpeakerWithdraw, ('POST',)),
    ('step', 'speaker_step', sp_manage.RHSpeakerMoveStep, ('POST',)),
    ('move', 'speaker_move', sp_manage.RHMoveSpeaker, ('GET', 'POST')),
    ('exchange', 'speaker_exchange', sp_manage.RHExchangeSpeakers, ('GET', 'POST')),
    ('edit', 'speaker_edit', sp_manage.RHEditSpeaker, ('GET', 'POST')),
):
    blueprint.add_url_rule(f'{_sp_one}/{_rule}', _endpoint, _rh, methods=_methods)
_sp_delegation = '/event/<int:event_id>/speakers/<int:agenda_item_id>'
blueprint.add_url_rule(f'{_sp_delegation}/inscribe', 'speakers_inscribe', sp_inscribe.RHInscribe,
                       methods=('GET', 'POST'))
blueprint.add_url_rule(f'{_sp_delegation}/inscriptions/<int:inscription_id>/change', 'speakers_change',
                       sp_inscribe.RHChangeInscription, methods=('GET', 'POST'))
blueprint.add_url_rule(f'{_sp_delegation}/inscriptions/<int:inscription_id>/withdraw', 'speakers_withdraw',
                       sp_inscribe.RHWithdrawInscription, methods=('POST',))
